; Inno Setup script for nnviz on Windows (Inno Setup 6.3 or newer: it ships Korean.isl).
;
; Wraps the PyInstaller one-folder bundle (packaging/nnviz.spec, built on Windows) into
; nnviz-<version>-setup.exe: a per-user install without admin rights, a Start-menu shortcut,
; an optional desktop shortcut, Korean and English installer languages, and an uninstaller.
;
;   iscc /DAppVersion=0.1.0 /DBundleDir=C:\path\to\dist\nnviz /DOutputDir=C:\path\to\out nnviz.iss
;
; Built and smoke-tested by build-windows.yml on a Windows CI runner (not run yet). On Linux,
; packaging/windows/test-association compiles it under wine with a stand-in payload and checks
; the .nnviz association's install and uninstall (see packaging/README.md).
;
; Where things go (per-user install):
;   program       %LOCALAPPDATA%\Programs\nnviz          (replaced on upgrade, removed on uninstall)
;   Start menu    %APPDATA%\Microsoft\Windows\Start Menu\Programs\nnviz.lnk
;   user data     %LOCALAPPDATA%\nnviz (datasets, saved models as the user chooses),
;                 HKCU\Software\nnviz\nnviz (settings, QSettings): never touched by the
;                 installer or the uninstaller.
;   kernels       compiled at install by the [Run] step (nnviz-cli precompile): for all users
;                 into %ProgramData%\nnviz\numba (read by every account, written only here),
;                 for one user into that user's %LOCALAPPDATA%\nnviz\Cache\numba; an upgrade
;                 compiles again, the uninstaller removes them.
; An administrator can install for all users with /ALLUSERS (then into Program Files).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\build\dist\nnviz"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif

[Setup]
; AppId identifies nnviz for upgrades and the uninstaller: never change it.
AppId={{6D0F7C52-3B1E-4C5A-9E1F-8A4B2C7D9E31}
AppName=nnviz
AppVersion={#AppVersion}
AppVerName=nnviz {#AppVersion}
AppPublisher=nnviz developers
DefaultDirName={autopf}\nnviz
DefaultGroupName=nnviz
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=nnviz-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
LZMANumBlockThreads=4
WizardStyle=modern
ShowLanguageDialog=auto
UninstallDisplayIcon={app}\nnviz.exe
UninstallDisplayName=nnviz {#AppVersion}
CloseApplications=yes
; .nnviz lesson files open nnviz on a double click ([Registry])
ChangesAssociations=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ko"; MessagesFile: "compiler:Languages\Korean.isl"

[CustomMessages]
en.AppComment=Watch neural networks learn: perceptrons, XOR, backpropagation, optimizers and MNIST
ko.AppComment=신경망이 학습하는 과정을 봅니다: 퍼셉트론, XOR, 역전파, 최적화 기법, MNIST
en.Precompiling=Compiling the training kernels for this computer's CPU (about a minute)...
en.LessonFile=nnviz lesson
ko.LessonFile=nnviz 수업 파일
ko.Precompiling=이 컴퓨터의 CPU에 맞게 학습 커널을 컴파일하는 중입니다 (1분쯤 걸립니다)...

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so no library of an older version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\nnviz"; Filename: "{app}\nnviz.exe"; WorkingDir: "{userdocs}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\nnviz"; Filename: "{app}\nnviz.exe"; WorkingDir: "{userdocs}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; Lesson files (.nnviz, see the README): a double click opens them in nnviz.exe, shown with its
; icon. HKA is the machine's classes for an install for all users, the user's own
; (HKCU\Software\Classes) otherwise. The extension's default value names the ProgId, so the file
; opens without an "Open with" prompt (wine's ShellExecute, used by test-association, reads only
; that value); OpenWithProgids and Applications\nnviz.exe list nnviz under "Open with". Content
; Type is the MIME type the .deb registers. The uninstaller removes exactly these (entries are
; undone in reverse order, so the emptied .nnviz key goes last); the user's lesson files stay.
Root: HKA; Subkey: "Software\Classes\.nnviz"; ValueType: string; ValueName: ""; ValueData: "nnviz.Lesson"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.nnviz"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-nnviz-lesson"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.nnviz\OpenWithProgids"; ValueType: string; ValueName: "nnviz.Lesson"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\nnviz.Lesson"; ValueType: string; ValueName: ""; ValueData: "{cm:LessonFile}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\nnviz.Lesson\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\nnviz.exe,0"
Root: HKA; Subkey: "Software\Classes\nnviz.Lesson\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\nnviz.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\nnviz.exe"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\nnviz.exe\SupportedTypes"; ValueType: string; ValueName: ".nnviz"; ValueData: ""

[Run]
; Every kernel compiled once at install (and again at each upgrade: the folder is refilled), so
; no student waits for the compiler. nnviz-cli.exe is the console twin of nnviz.exe. A failure
; is not fatal: the app then compiles what a lesson needs itself.
Filename: "{app}\nnviz-cli.exe"; Parameters: "precompile --system ""{commonappdata}\nnviz\numba"" --quiet"; StatusMsg: "{cm:Precompiling}"; Flags: runhidden waituntilterminated; Check: IsAdminInstallMode
Filename: "{app}\nnviz-cli.exe"; Parameters: "precompile --quiet"; StatusMsg: "{cm:Precompiling}"; Flags: runhidden waituntilterminated; Check: not IsAdminInstallMode
Filename: "{app}\nnviz.exe"; Description: "{cm:LaunchProgram,nnviz}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The program folder and the kernels compiled at install; the user's settings, data sets and
; models stay.
Type: filesandordirs; Name: "{commonappdata}\nnviz\numba"; Check: IsAdminInstallMode
Type: dirifempty; Name: "{commonappdata}\nnviz"; Check: IsAdminInstallMode
Type: filesandordirs; Name: "{localappdata}\nnviz\Cache\numba"; Check: not IsAdminInstallMode
Type: dirifempty; Name: "{app}"
