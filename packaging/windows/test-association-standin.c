/* Stand-in for the PyInstaller bundle's nnviz.exe and nnviz-cli.exe, used only by
 * packaging/windows/test-association (under wine). It is NOT nnviz: the real bundle cannot be
 * built on Linux. It does just enough for the installer's file association and uninstall to be
 * checked:
 *
 *   nnviz.exe <args>              appends its arguments, one per line in UTF-8, to the file named
 *                                 by %NNVIZ_STANDIN_LOG% (so the test sees what a double click on a
 *                                 .nnviz file passed to the program);
 *   nnviz-cli.exe precompile ...  creates the folder the real 'precompile' fills (per user:
 *                                 %LOCALAPPDATA%\nnviz\Cache\numba; --system DIR: DIR) with a
 *                                 manifest.json, so the uninstaller's [UninstallDelete] is checked.
 *
 * Built with x86_64-w64-mingw32-gcc -municode (-mwindows for nnviz.exe).
 */
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <wchar.h>

/* Create every missing folder of an absolute path (like mkdir -p). */
static void make_dirs(const wchar_t *path)
{
    wchar_t buf[MAX_PATH * 2];
    wcsncpy(buf, path, MAX_PATH * 2 - 1);
    buf[MAX_PATH * 2 - 1] = L'\0';
    for (wchar_t *p = buf + 3; *p; p++) {
        if (*p == L'\\') {
            *p = L'\0';
            CreateDirectoryW(buf, NULL);
            *p = L'\\';
        }
    }
    CreateDirectoryW(buf, NULL);
}

static int precompile(int argc, wchar_t **argv)
{
    wchar_t dir[MAX_PATH * 2] = L"";
    for (int i = 2; i + 1 < argc; i++) {
        if (wcscmp(argv[i], L"--system") == 0) {
            wcsncpy(dir, argv[i + 1], MAX_PATH * 2 - 1);
        }
    }
    if (!dir[0]) {
        if (!GetEnvironmentVariableW(L"LOCALAPPDATA", dir, MAX_PATH)) {
            return 1;
        }
        wcscat(dir, L"\\nnviz\\Cache\\numba");
    }
    make_dirs(dir);
    wcscat(dir, L"\\manifest.json");
    FILE *f = _wfopen(dir, L"w");
    if (!f) {
        return 1;
    }
    fputs("{\"stand_in\": true}\n", f);
    fclose(f);
    return 0;
}

static int log_arguments(int argc, wchar_t **argv)
{
    wchar_t log_path[MAX_PATH * 2];
    if (!GetEnvironmentVariableW(L"NNVIZ_STANDIN_LOG", log_path, MAX_PATH * 2)) {
        return 0;
    }
    FILE *f = _wfopen(log_path, L"ab");
    if (!f) {
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        char utf8[MAX_PATH * 8];
        int n = WideCharToMultiByte(CP_UTF8, 0, argv[i], -1, utf8, sizeof utf8, NULL, NULL);
        if (n > 0) {
            fprintf(f, "%s\n", utf8);
        }
    }
    fclose(f);
    return 0;
}

static int run(void)
{
    int argc = 0;
    wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    if (!argv) {
        return 1;
    }
    int rc = (argc > 1 && wcscmp(argv[1], L"precompile") == 0) ? precompile(argc, argv)
                                                                : log_arguments(argc, argv);
    LocalFree(argv);
    return rc;
}

/* With -mwindows the subsystem is GUI (no console window); the entry point is wmain either way. */
int wmain(void) { return run(); }
