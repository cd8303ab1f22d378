<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
    <context>
        <name>ActivationGallery</name>
        <message>
            <source>step</source>
            <extracomment>The elementwise functions, in the order the handouts introduce them. α slider range (low, high, step) of each activation that has one. Ten distinct colours: the shared palette, then black and brown.</extracomment>
            <translation>계단 함수</translation>
        </message>
        <message>
            <source>sigmoid</source>
            <translation>시그모이드</translation>
        </message>
        <message>
            <source>tanh</source>
            <translation>tanh</translation>
        </message>
        <message>
            <source>ReLU</source>
            <translation>ReLU</translation>
        </message>
        <message>
            <source>leaky ReLU</source>
            <translation>Leaky ReLU</translation>
        </message>
        <message>
            <source>PReLU</source>
            <translation>PReLU</translation>
        </message>
        <message>
            <source>ELU</source>
            <translation>ELU</translation>
        </message>
        <message>
            <source>swish</source>
            <translation>Swish</translation>
        </message>
        <message>
            <source>softplus</source>
            <translation>Softplus</translation>
        </message>
        <message>
            <source>identity</source>
            <translation>항등 함수</translation>
        </message>
        <message>
            <source>Tick the functions to draw; they are overlaid</source>
            <translation>그릴 함수를 고르세요. 고른 함수는 겹쳐서 그려집니다</translation>
        </message>
        <message>
            <source>α</source>
            <translation>α</translation>
        </message>
        <message>
            <source>The slope or scale α of the functions that have one</source>
            <translation>α가 있는 함수의 기울기 또는 크기 α</translation>
        </message>
        <message>
            <source>α of {name}: drag to change the curve</source>
            <translation>{name}의 α: 끌어서 곡선을 바꿔 보세요</translation>
        </message>
        <message>
            <source>The formulas of the functions drawn, and the largest value of each derivative</source>
            <translation>그려진 함수의 식과 각 도함수의 최댓값</translation>
        </message>
        <message>
            <source>Functions</source>
            <translation>함수</translation>
        </message>
        <message>
            <source>Wheel: zoom · drag: pan · right-click: view menu</source>
            <translation>휠: 확대/축소 · 끌기: 이동 · 오른쪽 클릭: 보기 메뉴</translation>
        </message>
        <message>
            <source>h(a)</source>
            <translation>h(a)</translation>
        </message>
        <message>
            <source>h′(a)</source>
            <translation>h′(a)</translation>
        </message>
        <message>
            <source>softmax of a vector</source>
            <translation>벡터의 소프트맥스</translation>
        </message>
        <message>
            <source>exp(aₖ)/Σ exp(aᵢ) computed as written (naive) and after subtracting the largest aᵢ (stable)</source>
            <translation>exp(aₖ)/Σ exp(aᵢ)를 식 그대로 계산한 값(단순 계산)과 가장 큰 aᵢ를 먼저 뺀 값(안정된 계산)</translation>
        </message>
        <message>
            <source>Type numbers separated by commas, e.g. 1010, 1000, 990 or 0.3, 2.9, 4.0; Enter to compute</source>
            <translation>숫자를 쉼표로 구분해 입력하세요(예: 1010, 1000, 990 또는 0.3, 2.9, 4.0). Enter를 누르면 계산합니다</translation>
        </message>
        <message>
            <source>Grey: naive formula (NaN when exp overflows) · blue: stable softmax</source>
            <translation>회색: 단순 계산(exp가 오버플로되면 NaN) · 파랑: 안정된 소프트맥스</translation>
        </message>
        <message>
            <source>Both results, 4 significant digits; NaN is what overflowing exp gives</source>
            <translation>두 결과(유효숫자 4자리). NaN은 exp가 오버플로되어 나온 값입니다</translation>
        </message>
        <message>
            <source>maxout: the larger of two lines</source>
            <translation>Maxout: 두 직선 중 큰 값</translation>
        </message>
        <message>
            <source>Thin: the two linear pieces · thick: their maximum, the maxout unit's output</source>
            <translation>가는 선: 두 개의 일차식 · 굵은 선: 둘 중 큰 값, 즉 Maxout 뉴런의 출력</translation>
        </message>
        <message>
            <source>max</source>
            <translation>최댓값</translation>
        </message>
        <message>
            <source>max {v}</source>
            <translation>최댓값 {v}</translation>
        </message>
        <message>
            <source>largest h′ of {name}: {v} at a = {a}</source>
            <translation>{name}의 h′ 최댓값: a = {a}에서 {v}</translation>
        </message>
        <message>
            <source>, α = {a}</source>
            <translation>, α = {a}</translation>
        </message>
        <message>
            <source>&amp;nbsp;&amp;nbsp;max h′ = {v}</source>
            <translation>&amp;nbsp;&amp;nbsp;h′ 최댓값 = {v}</translation>
        </message>
        <message>
            <source>Type numbers separated by commas.</source>
            <translation>숫자를 쉼표로 구분해 입력하세요.</translation>
        </message>
        <message>
            <source>NaN</source>
            <translation>NaN</translation>
        </message>
        <message>
            <source>naive: {n}</source>
            <translation>단순 계산: {n}</translation>
        </message>
        <message>
            <source>stable: {s}</source>
            <translation>안정된 계산: {s}</translation>
        </message>
    </context>
    <context>
        <name>AugmentStrip</name>
        <message>
            <source>original</source>
            <translation>원본</translation>
        </message>
        <message>
            <source>Training images as stored in the data set</source>
            <translation>데이터셋에 저장된 그대로의 학습 이미지</translation>
        </message>
        <message>
            <source>augmented</source>
            <translation>증강</translation>
        </message>
        <message>
            <source>The same images with this epoch's kind of random rotation, shift and noise</source>
            <translation>같은 이미지에 이번 에포크의 랜덤 회전, 이동, 잡음을 더한 것</translation>
        </message>
        <message>
            <source>New examples</source>
            <translation>새 예시</translation>
        </message>
        <message>
            <source>Draw new random transformations of the same images</source>
            <translation>같은 이미지에 새 랜덤 변환을 적용합니다</translation>
        </message>
        <message>
            <source>The training images are not loaded yet.</source>
            <translation>학습 이미지를 아직 불러오지 않았습니다.</translation>
        </message>
        <message>
            <source>No augmentation: the network sees the images as stored.</source>
            <translation>증강 없음: 신경망은 저장된 그대로의 이미지를 봅니다.</translation>
        </message>
    </context>
    <context>
        <name>AutosaveManager</name>
        <message>
            <source>Session opened</source>
            <translation>세션을 열었습니다</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>저장하지 않은 변경 사항</translation>
        </message>
        <message>
            <source>The weights have changed since they were last saved.</source>
            <translation>마지막으로 저장한 뒤 가중치가 바뀌었습니다.</translation>
        </message>
        <message>
            <source>Save them before going on?</source>
            <translation>계속하기 전에 저장할까요?</translation>
        </message>
        <message>
            <source>Another nnviz is running: this one does not autosave.</source>
            <translation>다른 nnviz가 실행 중이어서 이 창은 자동 저장하지 않습니다.</translation>
        </message>
        <message>
            <source>Restore your work?</source>
            <translation>작업을 복원할까요?</translation>
        </message>
        <message>
            <source>nnviz did not close properly last time. Restore the work saved automatically (lesson, weights, hyper-parameters and curves)?</source>
            <translation>지난번에 nnviz가 제대로 닫히지 않았습니다. 자동 저장된 작업(수업, 가중치, 하이퍼파라미터, 곡선)을 복원할까요?</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>복원</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>버리기</translation>
        </message>
        <message>
            <source>Autosave works again.</source>
            <translation>자동 저장이 다시 작동합니다.</translation>
        </message>
        <message>
            <source>Autosave failed: {e}. Your work is not being saved automatically; save it with File → Save.</source>
            <translation>자동 저장 실패: {e}. 지금 작업이 자동으로 저장되지 않으니 파일 → 저장으로 저장하세요.</translation>
        </message>
        <message>
            <source>Autosave failed</source>
            <translation>자동 저장 실패</translation>
        </message>
        <message>
            <source>Autosave is off</source>
            <translation>자동 저장이 꺼졌습니다</translation>
        </message>
        <message>
            <source>The autosave could not be read</source>
            <translation>자동 저장 파일을 읽을 수 없습니다</translation>
        </message>
        <message>
            <source>Autosave is off: {e}</source>
            <translation>자동 저장이 꺼졌습니다: {e}</translation>
        </message>
        <message>
            <source>The work saved automatically before nnviz last stopped could not be read ({e}). The file was kept as {path}; nnviz starts without it.</source>
            <translation>nnviz가 지난번에 멈추기 전에 자동 저장한 작업을 읽을 수 없습니다({e}). 파일은 {path}(으)로 보관했고, nnviz는 이 파일 없이 시작합니다.</translation>
        </message>
        <message>
            <source>Cannot open the lesson</source>
            <translation>수업을 열 수 없음</translation>
        </message>
        <message>
            <source>Lesson opened</source>
            <translation>수업을 열었습니다</translation>
        </message>
        <message>
            <source>Opened the lesson {name}</source>
            <translation>수업 {name}을(를) 열었습니다</translation>
        </message>
        <message>
            <source>The lesson {id} does not exist in this nnviz.</source>
            <translation>이 nnviz에는 {id} 수업이 없습니다.</translation>
        </message>
        <message>
            <source>{name} cannot be opened: {why}</source>
            <translation>{name}을(를) 열 수 없습니다: {why}</translation>
        </message>
        <message>
            <source>Its guide does not fit the lesson: {e}</source>
            <translation>가이드가 수업에 맞지 않습니다: {e}</translation>
        </message>
    </context>
    <context>
        <name>CanvasItems</name>
        <message>
            <source>This neuron's output over the input plane (blue &gt; 0 &gt; orange)</source>
            <translation>입력 평면 전체에서 이 뉴런의 출력 (파랑 &gt; 0 &gt; 주황)</translation>
        </message>
    </context>
    <context>
        <name>CheckEditor</name>
        <message>
            <source>No task (Next is always open)</source>
            <translation>과제 없음 (다음 ▶ 버튼이 항상 열림)</translation>
        </message>
        <message>
            <source>What the app checks to know the task is done</source>
            <translation>과제를 마쳤는지 앱이 확인하는 방법</translation>
        </message>
        <message>
            <source>A list of checks in the guide format (see the README): each an object with its "kind" and parameters.</source>
            <translation>가이드 형식의 확인 목록입니다(README 참고). 각 확인은 "kind"와 매개변수를 가진 객체입니다.</translation>
        </message>
        <message>
            <source>Fields marked * are required.</source>
            <translation>* 표시가 있는 칸은 꼭 채워야 합니다.</translation>
        </message>
        <message>
            <source>Give at least one of: {names}.</source>
            <translation>다음 중 하나 이상을 채우세요: {names}.</translation>
        </message>
        <message>
            <source>(not set)</source>
            <translation>(정하지 않음)</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>예</translation>
        </message>
        <message>
            <source>no</source>
            <translation>아니요</translation>
        </message>
    </context>
    <context>
        <name>ComputationGraphView</name>
        <message>
            <source>data {v}</source>
            <translation>값 {v}</translation>
        </message>
        <message>
            <source>grad {g}</source>
            <translation>기울기 {g}</translation>
        </message>
        <message>
            <source>This lesson does not train: L is the squared error (MSE), for comparison.</source>
            <translation>이 수업은 학습하지 않습니다. 비교를 위해 L은 제곱 오차(MSE)입니다.</translation>
        </message>
        <message>
            <source>No lesson is open.</source>
            <translation>열린 수업이 없습니다.</translation>
        </message>
        <message>
            <source>The computational graph is drawn for small networks (at most {n} neurons and {p} parameters: one neuron, the perceptron, XOR). This network has {k} neurons and {q} parameters; its graph would be too large to read. The explained step shows the same numbers.</source>
            <translation>계산 그래프는 작은 신경망(뉴런 {n}개, 매개변수 {p}개 이하: 뉴런 하나, 퍼셉트론, XOR)에만 그립니다. 이 신경망은 뉴런 {k}개, 매개변수 {q}개라서 그래프가 너무 커 읽을 수 없습니다. 같은 숫자는 스텝 풀이에서 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>Choose a row of the data: the graph needs an input and its target.</source>
            <translation>데이터의 행을 고르세요. 그래프에는 입력과 목표값이 필요합니다.</translation>
        </message>
        <message>
            <source>The perceptron learns by its own rule Δw = η·(d − y)·x; the step function's h′ is 0, so these gradients are 0.</source>
            <translation>퍼셉트론은 자체 학습 규칙 Δw = η·(d − y)·x로 학습합니다. 계단 함수의 h′는 0이라서 이 기울기는 모두 0입니다.</translation>
        </message>
        <message>
            <source>The graph cannot be drawn here: {e}</source>
            <translation>여기서는 그래프를 그릴 수 없습니다: {e}</translation>
        </message>
    </context>
    <context>
        <name>ConfusionView</name>
        <message>
            <source>Not evaluated yet</source>
            <translation>아직 평가하지 않았습니다</translation>
        </message>
        <message>
            <source>Accuracy [정답률] on the test images: right answers (the diagonal) divided by all images</source>
            <translation>테스트 이미지의 정답률: 맞힌 수(대각선)를 전체 이미지 수로 나눈 값</translation>
        </message>
        <message>
            <source>Evaluate</source>
            <translation>평가</translation>
        </message>
        <message>
            <source>Classify the test images now, 100 at a time (batch processing as in handout 003)</source>
            <translation>테스트 이미지를 지금 100장씩 분류합니다(교재 003의 배치 처리)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Stop the evaluation</source>
            <translation>평가를 멈춥니다</translation>
        </message>
        <message>
            <source>Test images classified so far</source>
            <translation>지금까지 분류한 테스트 이미지</translation>
        </message>
        <message>
            <source>acc.</source>
            <translation>정답률</translation>
        </message>
        <message>
            <source>Rows: the true digit; columns: the network's answer. Click a cell to see those test images.</source>
            <translation>행: 실제 숫자, 열: 신경망의 답. 칸을 누르면 해당 테스트 이미지를 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>predicted {p}</source>
            <translation>예측 {p}</translation>
        </message>
        <message>
            <source>Accuracy per true digit: its diagonal count / its row's sum</source>
            <translation>실제 숫자별 정답률: 대각선 값 / 그 행의 합</translation>
        </message>
        <message>
            <source>true label {t}</source>
            <translation>정답 {t}</translation>
        </message>
        <message>
            <source>rows: true label · columns: predicted</source>
            <translation>행: 정답 · 열: 예측</translation>
        </message>
        <message>
            <source>How to read the matrix</source>
            <translation>행렬 읽는 법</translation>
        </message>
        <message>
            <source>{n} test images of digit {t} classified as {p} (click to show them)</source>
            <translation>숫자 {t}의 테스트 이미지 {n}장이 {p}(으)로 분류됨(누르면 이미지를 보여 줍니다)</translation>
        </message>
        <message>
            <source>Digit {t}: {k} of {n} right = {a}</source>
            <translation>숫자 {t}: {n}장 중 {k}장 정답 = {a}</translation>
        </message>
        <message>
            <source>Accuracy {acc} ({k} of {n} test images)</source>
            <translation>정답률 {acc} (테스트 이미지 {n}장 중 {k}장)</translation>
        </message>
        <message>
            <source>Accuracy = {a} (right answers / test images)</source>
            <translation>정답률 = {a} (맞힌 수 / 테스트 이미지 수)</translation>
        </message>
        <message>
            <source>Choose an MNIST lesson and load its data.</source>
            <translation>MNIST 수업을 고르고 데이터를 불러오세요.</translation>
        </message>
        <message>
            <source>{done} / {total} images</source>
            <translation>이미지 {done} / {total}장</translation>
        </message>
        <message>
            <source>Evaluation failed: {m}</source>
            <translation>평가 실패: {m}</translation>
        </message>
        <message>
            <source>rows: true label · columns: predicted — the weights changed; the matrix updates when they stop changing</source>
            <translation>행: 정답 · 열: 예측 — 가중치가 바뀌었습니다. 가중치 변화가 멈추면 행렬이 갱신됩니다</translation>
        </message>
    </context>
    <context>
        <name>CrashHandler</name>
        <message>
            <source>Something went wrong</source>
            <translation>문제가 생겼습니다</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>복사</translation>
        </message>
        <message>
            <source>Copy the details to the clipboard (to send them to your teacher)</source>
            <translation>자세한 내용을 클립보드에 복사합니다(선생님께 보낼 때)</translation>
        </message>
        <message>
            <source>nnviz hit an error it did not expect. Your work is still open; saving it now is a good idea.</source>
            <translation>nnviz에서 예상하지 못한 오류가 났습니다. 작업은 아직 열려 있으니 지금 저장해 두는 것이 좋습니다.</translation>
        </message>
        <message>
            <source>

{n} more errors happened since the last report (see the log).</source>
            <translation>

마지막 보고 뒤에 오류가 {n}개 더 있었습니다(로그 참고).</translation>
        </message>
        <message>
            <source>{summary}

The details were written to {path}</source>
            <translation>{summary}

자세한 내용은 {path}에 기록했습니다</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>Completed epochs (passes over the training set)</source>
            <translation>마친 에포크 수(학습 데이터 전체를 돈 횟수)</translation>
        </message>
        <message>
            <source>Training samples seen since the start of the run</source>
            <translation>실행을 시작한 뒤 학습한 샘플 수</translation>
        </message>
        <message>
            <source>The learning rate in use now (it follows the schedule)</source>
            <translation>지금 쓰는 학습률(학습률 스케줄을 따름)</translation>
        </message>
        <message>
            <source>Loss on the training set · the validation split · the test set (– = no validation split)</source>
            <translation>학습 데이터 · 검증 데이터 · 테스트 데이터의 손실(– = 검증 데이터 없음)</translation>
        </message>
        <message>
            <source>Accuracy on the training set · the validation split · the test set</source>
            <translation>학습 데이터 · 검증 데이터 · 테스트 데이터의 정답률</translation>
        </message>
        <message>
            <source>Seconds of training per epoch (without evaluations)</source>
            <translation>에포크당 학습 시간(초, 평가 제외)</translation>
        </message>
        <message>
            <source>Training samples per second, over the last few seconds of training</source>
            <translation>초당 학습 샘플 수(최근 몇 초 기준)</translation>
        </message>
        <message>
            <source>epoch {e}</source>
            <translation>에포크 {e}</translation>
        </message>
        <message>
            <source>samples {n}</source>
            <translation>샘플 {n}</translation>
        </message>
        <message>
            <source>η {lr}</source>
            <translation>η {lr}</translation>
        </message>
        <message>
            <source>loss {a} · {b} · {c}</source>
            <translation>손실 {a} · {b} · {c}</translation>
        </message>
        <message>
            <source>accuracy {a} · {b} · {c}</source>
            <translation>정답률 {a} · {b} · {c}</translation>
        </message>
        <message>
            <source>{t}/epoch</source>
            <translation>에포크당 {t}</translation>
        </message>
        <message>
            <source>{n} samples/s</source>
            <translation>초당 샘플 {n}개</translation>
        </message>
    </context>
    <context>
        <name>DataDialog</name>
        <message>
            <source>MNIST data</source>
            <translation>MNIST 데이터</translation>
        </message>
        <message>
            <source>nnviz looks for the four IDX files (train/t10k images and labels, optionally .gz) in these folders, in this order:</source>
            <translation>nnviz는 IDX 파일 네 개(train/t10k 이미지와 레이블, .gz 압축 가능)를 다음 폴더에서 이 순서대로 찾습니다:</translation>
        </message>
        <message>
            <source>Data set</source>
            <translation>데이터셋</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>위치</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>폴더</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>찾음</translation>
        </message>
        <message>
            <source>Every folder searched, and whether all four files are there</source>
            <translation>찾아본 모든 폴더와 네 파일이 모두 있는지 여부</translation>
        </message>
        <message>
            <source>What happened last</source>
            <translation>마지막 작업 결과</translation>
        </message>
        <message>
            <source>Download progress of the current file</source>
            <translation>현재 파일의 내려받기 진행률</translation>
        </message>
        <message>
            <source>Download {name}</source>
            <translation>{name} 내려받기</translation>
        </message>
        <message>
            <source>Download {name} from the public mirrors into {folder} (about 11 MB compressed; checked with SHA-256; an interrupted download resumes)</source>
            <translation>공개 미러에서 {name}을(를) {folder}(으)로 내려받습니다(압축 시 약 11 MB, SHA-256으로 확인, 중단되면 이어받기).</translation>
        </message>
        <message>
            <source>Use a folder…</source>
            <translation>폴더 지정…</translation>
        </message>
        <message>
            <source>Pick a folder holding the four MNIST files; it is checked before it is used</source>
            <translation>MNIST 파일 네 개가 있는 폴더를 고르세요. 사용하기 전에 검사합니다</translation>
        </message>
        <message>
            <source>Use the bundled copy</source>
            <translation>함께 설치된 사본 사용</translation>
        </message>
        <message>
            <source>Use the MNIST copy shipped with the installer ({folder})</source>
            <translation>설치 프로그램에 포함된 MNIST 사본을 사용합니다({folder})</translation>
        </message>
        <message>
            <source>Cancel download</source>
            <translation>내려받기 취소</translation>
        </message>
        <message>
            <source>Stop the download; the partial file is kept and resumed next time</source>
            <translation>내려받기를 멈춥니다. 받은 부분은 남겨 두었다가 다음에 이어받습니다</translation>
        </message>
        <message>
            <source>Close this window</source>
            <translation>이 창을 닫습니다</translation>
        </message>
        <message>
            <source>your folder</source>
            <translation>지정한 폴더</translation>
        </message>
        <message>
            <source>downloads</source>
            <translation>내려받은 파일</translation>
        </message>
        <message>
            <source>bundled</source>
            <translation>함께 설치됨</translation>
        </message>
        <message>
            <source>system package</source>
            <translation>시스템 패키지</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>예</translation>
        </message>
        <message>
            <source>no</source>
            <translation>아니요</translation>
        </message>
        <message>
            <source>MNIST was not found. Download it, or use a folder that holds the four files.</source>
            <translation>MNIST를 찾지 못했습니다. 내려받거나 파일 네 개가 있는 폴더를 지정하세요.</translation>
        </message>
        <message>
            <source>MNIST is ready.</source>
            <translation>MNIST가 준비되었습니다.</translation>
        </message>
        <message>
            <source>Connecting …</source>
            <translation>연결 중 …</translation>
        </message>
        <message>
            <source>{name} downloaded and verified in {folder}.</source>
            <translation>{name}을(를) {folder}에 내려받고 확인했습니다.</translation>
        </message>
        <message>
            <source>{name}: {done:.1f} of {total:.1f} MB</source>
            <translation>{name}: {total:.1f} MB 중 {done:.1f} MB</translation>
        </message>
        <message>
            <source>Downloading {name} …</source>
            <translation>{name} 내려받는 중 …</translation>
        </message>
        <message>
            <source>{name} in {folder} passed every check; nnviz will use it.</source>
            <translation>{folder}의 {name}이(가) 모든 검사를 통과했습니다. 이 데이터를 사용합니다.</translation>
        </message>
        <message>
            <source>Checking {folder} …</source>
            <translation>{folder} 검사 중 …</translation>
        </message>
        <message>
            <source>Folder with the MNIST files</source>
            <translation>MNIST 파일이 있는 폴더</translation>
        </message>
        <message>
            <source>Download cancelled. The partial file is kept; downloading again resumes it.</source>
            <translation>내려받기를 취소했습니다. 받은 부분은 남아 있어 다시 내려받으면 이어받습니다.</translation>
        </message>
        <message>
            <source>The data could not be used: {m}</source>
            <translation>데이터를 사용할 수 없습니다: {m}</translation>
        </message>
    </context>
    <context>
        <name>DecisionBoundaryView</name>
        <message>
            <source>Input plane: output y</source>
            <translation>입력 평면: 출력 y</translation>
        </message>
        <message>
            <source>The network's output over the input plane (blue: class 1, orange: class 0) with the data points. Click to feed that point into the network.</source>
            <translation>입력 평면 전체에 대한 신경망의 출력(파랑: 클래스 1, 주황: 클래스 0)과 데이터 점. 누르면 그 점을 신경망에 입력합니다.</translation>
        </message>
        <message>
            <source>Hidden space (z₁, z₂)</source>
            <translation>은닉 공간 (z₁, z₂)</translation>
        </message>
        <message>
            <source>The same points as the hidden neurons see them: in this space one straight line separates the classes.</source>
            <translation>은닉 뉴런이 보는 같은 점들: 이 공간에서는 직선 하나로 클래스를 나눌 수 있습니다.</translation>
        </message>
        <message>
            <source>The decision boundary is drawn for lessons with two inputs and a data set.</source>
            <translation>결정 경계는 입력이 두 개이고 데이터셋이 있는 수업에서 그려집니다.</translation>
        </message>
    </context>
    <context>
        <name>DrawPad</name>
        <message>
            <source>What the network sees: your drawing fitted in a 20 × 20 box and centred by its centre of mass in 28 × 28 pixels, as the MNIST digits were made</source>
            <translation>신경망이 보는 그림: MNIST 숫자를 만든 방식대로, 그린 숫자를 20 × 20 상자에 맞추고 무게중심을 28 × 28 픽셀의 가운데에 둡니다</translation>
        </message>
        <message>
            <source>The class with the highest output</source>
            <translation>출력이 가장 큰 클래스</translation>
        </message>
        <message>
            <source>The network's output for your drawing: the probability of each digit</source>
            <translation>그린 숫자에 대한 신경망의 출력: 각 숫자일 확률</translation>
        </message>
        <message>
            <source>Why there is no prediction</source>
            <translation>예측이 없는 이유</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>지우기</translation>
        </message>
        <message>
            <source>Erase the whole drawing</source>
            <translation>그림을 모두 지웁니다</translation>
        </message>
        <message>
            <source>Undo stroke</source>
            <translation>한 획 취소</translation>
        </message>
        <message>
            <source>Remove the last stroke</source>
            <translation>마지막 획을 지웁니다</translation>
        </message>
        <message>
            <source>Network input (28 × 28)</source>
            <translation>신경망 입력 (28 × 28)</translation>
        </message>
        <message>
            <source>Prediction: –</source>
            <translation>예측: –</translation>
        </message>
        <message>
            <source>Prediction: {d} ({p})</source>
            <translation>예측: {d} ({p})</translation>
        </message>
        <message>
            <source>Choose an MNIST lesson to see the network's prediction.</source>
            <translation>신경망의 예측을 보려면 MNIST 수업을 고르세요.</translation>
        </message>
        <message>
            <source>Draw a digit from 0 to 9 in the box.</source>
            <translation>상자 안에 0부터 9까지의 숫자를 하나 그리세요.</translation>
        </message>
    </context>
    <context>
        <name>Explain</name>
        <message>
            <source>Forward pass</source>
            <translation>순전파</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>손실</translation>
        </message>
        <message>
            <source>Backward pass</source>
            <translation>오차 역전파</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>가중치 갱신</translation>
        </message>
        <message>
            <source>Input x</source>
            <translation>입력 x</translation>
        </message>
        <message>
            <source>Layer {layer}, neuron {neuron}: weighted sum a and activation z = h(a)</source>
            <translation>{layer}층 뉴런 {neuron}: 가중합 a와 활성화 값 z = h(a)</translation>
        </message>
        <message>
            <source>Output neuron {neuron}: weighted sum a and output y</source>
            <translation>출력 뉴런 {neuron}: 가중합 a와 출력 y</translation>
        </message>
        <message>
            <source>Weighted sum a and the step function's output y</source>
            <translation>가중합 a와 계단 함수의 출력 y</translation>
        </message>
        <message>
            <source>Loss: mean squared error</source>
            <translation>손실: 평균 제곱 오차</translation>
        </message>
        <message>
            <source>Loss: binary cross-entropy</source>
            <translation>손실: 이진 교차 엔트로피</translation>
        </message>
        <message>
            <source>Loss: categorical cross-entropy</source>
            <translation>손실: 범주형 교차 엔트로피</translation>
        </message>
        <message>
            <source>Error of the perceptron: d − y</source>
            <translation>퍼셉트론의 오차: d − y</translation>
        </message>
        <message>
            <source>Output neuron {neuron}: δ = ∂L/∂a</source>
            <translation>출력 뉴런 {neuron}: δ = ∂L/∂a</translation>
        </message>
        <message>
            <source>Layer {layer}, neuron {neuron}: δ from the next layer's δ</source>
            <translation>{layer}층 뉴런 {neuron}: 다음 층의 δ로 구한 δ</translation>
        </message>
        <message>
            <source>Gradient of the weight {param}: ∂L/∂w = δ·z</source>
            <translation>가중치 {param}의 기울기: ∂L/∂w = δ·z</translation>
        </message>
        <message>
            <source>Gradient of the bias {param}: ∂L/∂b = δ</source>
            <translation>바이어스 {param}의 기울기: ∂L/∂b = δ</translation>
        </message>
        <message>
            <source>Update {param} by gradient descent</source>
            <translation>경사 하강법으로 {param} 갱신</translation>
        </message>
        <message>
            <source>Update {param} with momentum</source>
            <translation>모멘텀으로 {param} 갱신</translation>
        </message>
        <message>
            <source>Update {param} with Nesterov momentum (NAG)</source>
            <translation>네스테로프 모멘텀(NAG)으로 {param} 갱신</translation>
        </message>
        <message>
            <source>Update {param} with Adagrad</source>
            <translation>아다그라드(Adagrad)로 {param} 갱신</translation>
        </message>
        <message>
            <source>Update {param} with RMSProp</source>
            <translation>알엠에스프롭(RMSProp)으로 {param} 갱신</translation>
        </message>
        <message>
            <source>Update {param} with Adam</source>
            <translation>아담(Adam)으로 {param} 갱신</translation>
        </message>
        <message>
            <source>Perceptron rule for {param}</source>
            <translation>{param}에 퍼셉트론 학습 규칙 적용</translation>
        </message>
        <message>
            <source>{shown} of {count} terms are written out; the other {rest} add up to the number in brackets, {rest_sum}.</source>
            <translation>{count}개 항 중 {shown}개만 적었습니다. 나머지 {rest}개 항의 합은 대괄호 안의 수 {rest_sum}입니다.</translation>
        </message>
        <message>
            <source>One path from the loss back to {param}: its gradient is a product</source>
            <translation>손실에서 {param}까지 경로 하나: 기울기는 곱입니다</translation>
        </message>
        <message>
            <source>{paths} paths from the loss back to {param}: its gradient is a sum of products</source>
            <translation>손실에서 {param}까지 경로 {paths}개: 기울기는 곱들의 합입니다</translation>
        </message>
        <message>
            <source>{where}: {activation} is saturated, h′ = {value} almost stops the gradient (vanishing gradient)</source>
            <translation>{where}: {activation} 포화, h′ = {value} — 기울기가 거의 사라집니다 (기울기 소실)</translation>
        </message>
        <message>
            <source>{where}: dead ReLU (a ≤ 0), h′ = 0 lets no gradient through</source>
            <translation>{where}: 죽은 ReLU (a ≤ 0), h′ = 0 — 기울기가 전달되지 않습니다</translation>
        </message>
        <message>
            <source>{where}: {activation} has h′ = 0 here and lets no gradient through</source>
            <translation>{where}: 여기서 {activation}의 h′ = 0 — 기울기가 전달되지 않습니다</translation>
        </message>
        <message>
            <source>{where} = 0: this sample gives the weight no gradient</source>
            <translation>{where} = 0: 이 샘플로는 이 가중치의 기울기가 0입니다</translation>
        </message>
        <message>
            <source>On every path to {param} the {count} factors h′ multiply to at most {value}: the gradient shrinks layer by layer (vanishing gradient)</source>
            <translation>{param}까지 가는 모든 경로에서 h′ 인수 {count}개의 곱이 {value} 이하입니다: 기울기가 층마다 작아집니다 (기울기 소실)</translation>
        </message>
    </context>
    <context>
        <name>ExplainedStepPanel</name>
        <message>
            <source>◀ Prev</source>
            <translation>◀ 이전</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>다음 ▶</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>재생</translation>
        </message>
        <message>
            <source>{s} s per item</source>
            <translation>항목당 {s}초</translation>
        </message>
        <message>
            <source>How long auto-play shows each item</source>
            <translation>자동 재생에서 각 항목을 보여 주는 시간</translation>
        </message>
        <message>
            <source>No step to explain.</source>
            <translation>설명할 단계가 없습니다.</translation>
        </message>
        <message>
            <source>{i} of {n}</source>
            <translation>{i} / {n}</translation>
        </message>
        <message>
            <source>The run averages the gradients of {n} samples per update; this is the step of the one sample fed in.</source>
            <translation>학습은 한 번 갱신할 때 샘플 {n}개의 기울기를 평균합니다. 여기서는 지금 넣은 샘플 하나의 스텝을 보여 줍니다.</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>일시 정지</translation>
        </message>
    </context>
    <context>
        <name>ExplainedStepState</name>
        <message>
            <source>The step cannot be explained here: {e}</source>
            <translation>이 단계는 여기서 설명할 수 없습니다: {e}</translation>
        </message>
        <message>
            <source>No lesson is open.</source>
            <translation>열린 수업이 없습니다.</translation>
        </message>
        <message>
            <source>This lesson trains nothing, so there is no training step to explain. Open a lesson that trains (the perceptron, XOR with backpropagation, MNIST).</source>
            <translation>이 수업은 학습하지 않으므로 설명할 학습 단계가 없습니다. 학습하는 수업(퍼셉트론, 오차 역전파로 배우는 XOR, MNIST)을 여세요.</translation>
        </message>
        <message>
            <source>Choose a row of the data (or a test image): the step needs an input and its target.</source>
            <translation>데이터의 한 행(또는 테스트 이미지)을 고르세요. 한 단계에는 입력과 목표값이 필요합니다.</translation>
        </message>
    </context>
    <context>
        <name>ExplanationPanel</name>
        <message>
            <source>What this lesson shows and the formulas behind it</source>
            <translation>이 수업에서 보여 주는 것과 그 바탕이 되는 식</translation>
        </message>
        <message>
            <source>Handout {h}</source>
            <translation>교재 {h}</translation>
        </message>
        <message>
            <source>The network</source>
            <translation>신경망</translation>
        </message>
        <message>
            <source>Neurons per layer: {sizes}</source>
            <translation>층별 뉴런 수: {sizes}</translation>
        </message>
        <message>
            <source>with bias</source>
            <translation>바이어스 있음</translation>
        </message>
        <message>
            <source>no bias</source>
            <translation>바이어스 없음</translation>
        </message>
        <message>
            <source>Layer {l}: 1 neuron, {act}, {bias}</source>
            <translation>{l}층: 뉴런 1개, {act}, {bias}</translation>
        </message>
        <message>
            <source>Layer {l}: {n} neurons, {act}, {bias}</source>
            <translation>{l}층: 뉴런 {n}개, {act}, {bias}</translation>
        </message>
        <message>
            <source>Training (next step)</source>
            <translation>학습 (다음 단계)</translation>
        </message>
        <message>
            <source>loss {loss}, optimizer {opt}, learning rate {lr}, batch {b}, epochs {ep}</source>
            <translation>손실 함수 {loss}, 최적화 함수 {opt}, 학습률 {lr}, 배치 크기 {b}, 에포크 {ep}</translation>
        </message>
        <message>
            <source>Numbers to look for</source>
            <translation>확인할 숫자</translation>
        </message>
    </context>
    <context>
        <name>FileReading</name>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Reading a file</source>
            <translation>파일 읽기</translation>
        </message>
        <message>
            <source>This file could not be read: {name}
{why}

The current lesson is unchanged.</source>
            <translation>이 파일을 읽을 수 없습니다: {name}
{why}

지금 수업은 그대로입니다.</translation>
        </message>
        <message>
            <source>another file is still being read</source>
            <translation>다른 파일을 아직 읽고 있습니다</translation>
        </message>
        <message>
            <source>Reading {name} …</source>
            <translation>{name} 읽는 중 …</translation>
        </message>
    </context>
    <context>
        <name>GradientNormPlot</name>
        <message>
            <source>Gradient norm |∂L/∂W| of each layer</source>
            <translation>층별 기울기 크기 |∂L/∂W|</translation>
        </message>
        <message>
            <source>Small norms in the first layers mean those layers barely learn: the vanishing gradient</source>
            <extracomment>PReLU layers' |∂L/∂α|: column 0 samples, then one per layer in ``alpha_layers``</extracomment>
            <translation>앞쪽 층의 기울기가 작으면 그 층은 거의 학습되지 않습니다: 기울기 소실</translation>
        </message>
        <message>
            <source>Keep as reference</source>
            <translation>기준으로 남기기</translation>
        </message>
        <message>
            <source>Keep this run's curves, dashed, to compare with the next run (e.g. sigmoid, then ReLU)</source>
            <translation>이번 실행의 곡선을 점선으로 남겨 다음 실행과 비교합니다(예: 시그모이드 다음에 ReLU)</translation>
        </message>
        <message>
            <source>Drop reference</source>
            <translation>기준 지우기</translation>
        </message>
        <message>
            <source>Remove the dashed reference curves</source>
            <translation>점선 기준 곡선을 지웁니다</translation>
        </message>
        <message>
            <source>Save the plot as PNG or SVG, or the norms as CSV</source>
            <translation>그래프를 PNG나 SVG로, 기울기 크기를 CSV로 저장합니다</translation>
        </message>
        <message>
            <source>Wheel: zoom · drag: pan · right-click: view menu</source>
            <translation>휠: 확대/축소 · 끌기: 이동 · 오른쪽 클릭: 보기 메뉴</translation>
        </message>
        <message>
            <source>|∂L/∂W| (log scale)</source>
            <translation>|∂L/∂W| (로그 눈금)</translation>
        </message>
        <message>
            <source>samples seen</source>
            <translation>학습한 샘플 수</translation>
        </message>
        <message>
            <source>{label} (dashed)</source>
            <translation>{label} (점선)</translation>
        </message>
        <message>
            <source>previous run</source>
            <translation>이전 실행</translation>
        </message>
        <message>
            <source>layer {k}</source>
            <translation>{k}층</translation>
        </message>
        <message>
            <source>α of layer {k}</source>
            <translation>{k}층의 α</translation>
        </message>
        <message>
            <source>layer {k}: {v}</source>
            <translation>{k}층: {v}</translation>
        </message>
        <message>
            <source>{s} samples</source>
            <translation>샘플 {s}개</translation>
        </message>
        <message>
            <source>Export the gradient norms</source>
            <translation>기울기 크기 내보내기</translation>
        </message>
    </context>
    <context>
        <name>GradientTraceState</name>
        <message>
            <source>This weight cannot be traced here: {e}</source>
            <translation>여기서는 이 가중치를 추적할 수 없습니다: {e}</translation>
        </message>
        <message>
            <source>No lesson is open.</source>
            <translation>열린 수업이 없습니다.</translation>
        </message>
        <message>
            <source>Choose a weight or a bias to trace.</source>
            <translation>추적할 가중치나 바이어스를 고르세요.</translation>
        </message>
        <message>
            <source>This lesson has no loss, so no gradient flows back to its weights.</source>
            <translation>이 수업에는 손실 함수가 없어서 가중치로 거꾸로 전달되는 기울기가 없습니다.</translation>
        </message>
        <message>
            <source>Choose a row of the data (or a test image): the gradient needs an input and its target.</source>
            <translation>데이터의 행(또는 테스트 이미지)을 고르세요. 기울기에는 입력과 목표값이 필요합니다.</translation>
        </message>
    </context>
    <context>
        <name>GradientTracerPanel</name>
        <message>
            <source>weight w</source>
            <translation>가중치 w</translation>
        </message>
        <message>
            <source>bias b</source>
            <translation>바이어스 b</translation>
        </message>
        <message>
            <source>The neuron the weight comes from (1 = the first)</source>
            <translation>가중치가 나오는 뉴런 (1 = 첫 번째)</translation>
        </message>
        <message>
            <source>The neuron the weight goes into (1 = the first)</source>
            <translation>가중치가 들어가는 뉴런 (1 = 첫 번째)</translation>
        </message>
        <message>
            <source>from</source>
            <translation>출발</translation>
        </message>
        <message>
            <source>to</source>
            <translation>도착</translation>
        </message>
        <message>
            <source>Trace</source>
            <translation>추적</translation>
        </message>
        <message>
            <source>The paths from the loss back to the weight, the largest products first</source>
            <translation>손실에서 가중치까지 거꾸로 가는 경로들 (곱이 큰 순서)</translation>
        </message>
        <message>
            <source>factor</source>
            <translation>인수</translation>
        </message>
        <message>
            <source>value</source>
            <translation>값</translation>
        </message>
        <message>
            <source>what it does</source>
            <translation>의미</translation>
        </message>
        <message>
            <source>The backward pass's own lines: ∂L/∂w = z·δ and δ = h′·Σ w·δ, with the numbers</source>
            <translation>오차 역전파의 식 ∂L/∂w = z·δ와 δ = h′·Σ w·δ에 숫자를 넣은 것</translation>
        </message>
        <message>
            <source>layer {l}</source>
            <translation>{l}층</translation>
        </message>
        <message>
            <source>The gradient the backward pass computes for this sample</source>
            <translation>오차 역전파가 이 샘플에 대해 계산한 기울기</translation>
        </message>
        <message>
            <source>path {k}: product {v}</source>
            <translation>경로 {k}: 곱 {v}</translation>
        </message>
        <message>
            <source>One path: the product of its factors is the gradient, {g}.</source>
            <translation>경로가 하나입니다. 인수들의 곱이 곧 기울기 {g}입니다.</translation>
        </message>
        <message>
            <source>The table shows one of {n} paths ({k} strongest in the list). The sum of all {n} products is {s}, the gradient ∂L/∂{w} = {g}.</source>
            <translation>표는 경로 {n}개 중 하나를 보여 줍니다(목록에는 가장 큰 {k}개). 경로 {n}개의 곱을 모두 더하면 {s}이고, 이것이 기울기 ∂L/∂{w} = {g}입니다.</translation>
        </message>
        <message>
            <source>… and {n} more factors like these</source>
            <translation>… 이와 같은 인수가 {n}개 더 있습니다</translation>
        </message>
        <message>
            <source>… {n} more δ lines (one per neuron after it)</source>
            <translation>… δ 식 {n}개 더 (뒤쪽 뉴런마다 하나)</translation>
        </message>
        <message>
            <source>product</source>
            <translation>곱</translation>
        </message>
        <message>
            <source>this path's share of the gradient</source>
            <translation>이 경로가 기울기에 더하는 몫</translation>
        </message>
        <message>
            <source>the input the weight multiplies</source>
            <translation>가중치가 곱해지는 입력</translation>
        </message>
        <message>
            <source>a weight on the way back</source>
            <translation>거꾸로 가는 길의 가중치</translation>
        </message>
        <message>
            <source>the activation's slope h′(a)</source>
            <translation>활성화 함수의 기울기 h′(a)</translation>
        </message>
        <message>
            <source>how the loss changes with the output</source>
            <translation>출력에 따른 손실의 변화</translation>
        </message>
        <message>
            <source>the output's error δ</source>
            <translation>출력의 오차 δ</translation>
        </message>
    </context>
    <context>
        <name>GuideCheckEditor</name>
        <message>
            <source>Truth table: every output is right</source>
            <translation>진리표: 모든 출력이 목표와 같음</translation>
        </message>
        <message>
            <source>A layer's values on every row</source>
            <translation>층의 값 (모든 행)</translation>
        </message>
        <message>
            <source>The selected input is classified right or wrong</source>
            <translation>고른 입력의 예측이 맞음 또는 틀림</translation>
        </message>
        <message>
            <source>The drawn digit is read as</source>
            <translation>그린 숫자의 예측</translation>
        </message>
        <message>
            <source>One weight or bias within a range</source>
            <translation>가중치나 바이어스 하나의 값 범위</translation>
        </message>
        <message>
            <source>Weights edited by hand</source>
            <translation>가중치를 직접 고침</translation>
        </message>
        <message>
            <source>A weight traced in the chain-rule tracer</source>
            <translation>연쇄 법칙 추적으로 본 가중치</translation>
        </message>
        <message>
            <source>An input row is selected</source>
            <translation>입력 행을 고름</translation>
        </message>
        <message>
            <source>A neuron is selected</source>
            <translation>뉴런을 고름</translation>
        </message>
        <message>
            <source>Accuracy within a range</source>
            <translation>정답률 범위</translation>
        </message>
        <message>
            <source>The loss is low enough</source>
            <translation>손실이 충분히 작음</translation>
        </message>
        <message>
            <source>Trained for rounds or samples</source>
            <translation>학습한 라운드(에포크)나 샘플 수</translation>
        </message>
        <message>
            <source>The learning rate η is set</source>
            <translation>학습률 η 값</translation>
        </message>
        <message>
            <source>An optimizer or loss is chosen</source>
            <translation>최적화 함수나 손실 함수 선택</translation>
        </message>
        <message>
            <source>The explained step is played to a phase</source>
            <translation>스텝 풀이를 한 단계까지 진행</translation>
        </message>
        <message>
            <source>Gradient ratio, first layer to last</source>
            <translation>첫 층과 마지막 층의 기울기 비율</translation>
        </message>
        <message>
            <source>Runs in Run Comparison</source>
            <translation>실행 비교의 실행 수</translation>
        </message>
        <message>
            <source>A panel is open</source>
            <translation>패널이 열림</translation>
        </message>
        <message>
            <source>All of several checks (JSON)</source>
            <translation>여러 확인을 모두 통과 (JSON)</translation>
        </message>
        <message>
            <source>Any of several checks (JSON)</source>
            <translation>여러 확인 중 하나 통과 (JSON)</translation>
        </message>
        <message>
            <source>Expected class per row</source>
            <translation>행마다 기대하는 클래스</translation>
        </message>
        <message>
            <source>At least</source>
            <translation>최소</translation>
        </message>
        <message>
            <source>rows (truth table) or a fraction 0–1 (accuracy)</source>
            <translation>행 수(진리표) 또는 0–1 사이의 비율(정답률)</translation>
        </message>
        <message>
            <source>At most</source>
            <translation>최대</translation>
        </message>
        <message>
            <source>a number (loss) or a fraction 0–1 (accuracy)</source>
            <translation>수(손실) 또는 0–1 사이의 비율(정답률)</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>층</translation>
        </message>
        <message>
            <source>1 = the first layer with weights; 0 = the inputs for a selected neuron</source>
            <translation>1 = 가중치가 있는 첫 층, 뉴런 고르기에서는 0 = 입력층</translation>
        </message>
        <message>
            <source>Values per row</source>
            <translation>행마다의 값</translation>
        </message>
        <message>
            <source>Values of</source>
            <translation>값의 종류</translation>
        </message>
        <message>
            <source>Tolerance</source>
            <translation>허용 오차</translation>
        </message>
        <message>
            <source>Classified correctly</source>
            <translation>맞게 예측</translation>
        </message>
        <message>
            <source>Digit</source>
            <translation>숫자</translation>
        </message>
        <message>
            <source>Weight or bias</source>
            <translation>가중치나 바이어스</translation>
        </message>
        <message>
            <source>Minimum</source>
            <translation>최솟값</translation>
        </message>
        <message>
            <source>Maximum</source>
            <translation>최댓값</translation>
        </message>
        <message>
            <source>Equals</source>
            <translation>같은 값</translation>
        </message>
        <message>
            <source>Weights or biases</source>
            <translation>가중치나 바이어스</translation>
        </message>
        <message>
            <source>Every one of them</source>
            <translation>모두</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>행</translation>
        </message>
        <message>
            <source>0-based: a gate's rows 0 = (0, 0) … 3 = (1, 1)</source>
            <translation>0부터 셉니다: 게이트의 행 0 = (0, 0) … 3 = (1, 1)</translation>
        </message>
        <message>
            <source>Neuron</source>
            <translation>뉴런</translation>
        </message>
        <message>
            <source>0-based, from the top</source>
            <translation>0부터, 위에서부터 셉니다</translation>
        </message>
        <message>
            <source>After rounds (epochs)</source>
            <translation>이만큼의 라운드(에포크) 뒤</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>데이터</translation>
        </message>
        <message>
            <source>Fraction of the first loss</source>
            <translation>처음 손실에 대한 비율</translation>
        </message>
        <message>
            <source>Rounds (epochs)</source>
            <translation>라운드(에포크)</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>샘플</translation>
        </message>
        <message>
            <source>Relative tolerance</source>
            <translation>상대 허용 오차</translation>
        </message>
        <message>
            <source>Changed during the run</source>
            <translation>학습 중에 바꿈</translation>
        </message>
        <message>
            <source>While Play is on</source>
            <translation>재생하는 동안</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <translation>최적화 함수</translation>
        </message>
        <message>
            <source>Loss function</source>
            <translation>손실 함수</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>단계</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>실행 수</translation>
        </message>
        <message>
            <source>Panel</source>
            <translation>패널</translation>
        </message>
        <message>
            <source>a (weighted sums)</source>
            <translation>a (가중합)</translation>
        </message>
        <message>
            <source>z (outputs)</source>
            <translation>z (출력)</translation>
        </message>
        <message>
            <source>training data</source>
            <translation>학습 데이터</translation>
        </message>
        <message>
            <source>test data</source>
            <translation>테스트 데이터</translation>
        </message>
        <message>
            <source>the list of checks is not valid JSON ({e})</source>
            <translation>확인 목록이 올바른 JSON이 아닙니다 ({e})</translation>
        </message>
    </context>
    <context>
        <name>GuideControls</name>
        <message>
            <source>Why did it change? Trace ∂L/∂w</source>
            <translation>왜 바뀌었을까? ∂L/∂w 추적</translation>
        </message>
        <message>
            <source>Edit the value</source>
            <translation>값 고치기</translation>
        </message>
        <message>
            <source>This step of the guide does not edit weights; leave the guide to edit freely.</source>
            <translation>가이드의 이 단계에서는 가중치를 고치지 않습니다. 자유롭게 고치려면 가이드를 나가세요.</translation>
        </message>
        <message>
            <source>This step of the guide does not edit weights: the chain-rule tracer shows why this one changes.</source>
            <translation>가이드의 이 단계에서는 가중치를 고치지 않습니다. 연쇄 법칙 추적이 이 가중치가 왜 바뀌는지 보여 줍니다.</translation>
        </message>
    </context>
    <context>
        <name>GuideDocks</name>
        <message>
            <source>Guide</source>
            <translation>가이드</translation>
        </message>
        <message>
            <source>Explained step</source>
            <translation>스텝 풀이</translation>
        </message>
        <message>
            <source>Chain-rule tracer</source>
            <translation>연쇄 법칙 추적</translation>
        </message>
        <message>
            <source>Computational graph</source>
            <translation>계산 그래프</translation>
        </message>
    </context>
    <context>
        <name>GuideEditorDialog</name>
        <message>
            <source>Edit the guide — {lesson}</source>
            <translation>가이드 편집 — {lesson}</translation>
        </message>
        <message>
            <source>Guide title in English</source>
            <translation>가이드 제목(영어)</translation>
        </message>
        <message>
            <source>Guide title in Korean</source>
            <translation>가이드 제목(한국어)</translation>
        </message>
        <message>
            <source>Guide title</source>
            <translation>가이드 제목</translation>
        </message>
        <message>
            <source>Add a step</source>
            <translation>단계 추가</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>단계 삭제</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>위로</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>아래로</translation>
        </message>
        <message>
            <source>A new step after the selected one</source>
            <translation>고른 단계 다음에 새 단계를 넣습니다</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>단계</translation>
        </message>
        <message>
            <source>Save uses the guide in this lesson at once; File → Save Lesson keeps it in the lesson file for your students.</source>
            <translation>저장하면 이 수업에서 바로 이 가이드를 씁니다. 파일 → 수업 저장으로 학생에게 줄 수업 파일에 함께 저장됩니다.</translation>
        </message>
        <message>
            <source>Save and use</source>
            <translation>저장하고 쓰기</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>제목</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>설명</translation>
        </message>
        <message>
            <source>Task text</source>
            <translation>과제 설명</translation>
        </message>
        <message>
            <source>English</source>
            <translation>영어</translation>
        </message>
        <message>
            <source>Korean</source>
            <translation>한국어</translation>
        </message>
        <message>
            <source>{field} ({language}) is empty.</source>
            <translation>{field}({language}) 칸이 비어 있습니다.</translation>
        </message>
        <message>
            <source>Step {n} ({title}): </source>
            <translation>{n}단계({title}): </translation>
        </message>
        <message>
            <source>The guide was not saved; the lesson keeps its previous guide.</source>
            <translation>가이드를 저장하지 않았습니다. 수업은 이전 가이드를 그대로 씁니다.</translation>
        </message>
    </context>
    <context>
        <name>GuidePanel</name>
        <message>
            <source>◀ Back</source>
            <extracomment>the panel's width changed (the band's height for the step may change with it)</extracomment>
            <translation>◀ 이전</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>다음 ▶</translation>
        </message>
        <message>
            <source>Leave guide</source>
            <translation>가이드 나가기</translation>
        </message>
        <message>
            <source>Play freely with the lesson; the guide waits where you are</source>
            <translation>수업을 자유롭게 다뤄 보세요. 가이드는 지금 단계에서 기다립니다</translation>
        </message>
        <message>
            <source>Restart the guide from its first step (the tasks done so far are forgotten)</source>
            <translation>가이드를 첫 단계부터 다시 시작합니다 (지금까지 한 과제는 지워집니다)</translation>
        </message>
        <message>
            <source>No guide</source>
            <translation>가이드 없음</translation>
        </message>
        <message>
            <source>This lesson has no guide.</source>
            <translation>이 수업에는 가이드가 없습니다.</translation>
        </message>
        <message>
            <source>Its guide could not be read: {e}</source>
            <translation>가이드를 읽을 수 없습니다: {e}</translation>
        </message>
        <message>
            <source>Guide: {title} — step {i} of {n}</source>
            <translation>가이드: {title} — {n}단계 중 {i}단계</translation>
        </message>
        <message>
            <source>Task: {task}</source>
            <translation>과제: {task}</translation>
        </message>
        <message>
            <source>✓ Done</source>
            <translation>✓ 완료</translation>
        </message>
        <message>
            <source>Not yet: {hint}</source>
            <translation>아직입니다: {hint}</translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>아직입니다</translation>
        </message>
        <message>
            <source>Resume guide</source>
            <translation>가이드로 돌아가기</translation>
        </message>
    </context>
    <context>
        <name>GuideState</name>
        <message>
            <source>The guide's weights do not fit: {e}</source>
            <translation>가이드의 가중치가 맞지 않습니다: {e}</translation>
        </message>
        <message>
            <source>Guide: {step}</source>
            <translation>가이드: {step}</translation>
        </message>
    </context>
    <context>
        <name>HyperPanel</name>
        <message>
            <source>Applied at the next step</source>
            <translation>다음 단계부터 적용</translation>
        </message>
        <message>
            <source>Learning rate η: how far each update moves the weights (W ← W − η·∂L/∂W)</source>
            <translation>학습률 η: 한 번 갱신할 때 가중치를 얼마나 움직일지(W ← W − η·∂L/∂W)</translation>
        </message>
        <message>
            <source>Allowed: greater than 0, at most 1000.</source>
            <translation>허용 범위: 0보다 크고 1000 이하.</translation>
        </message>
        <message>
            <source>learning rate η</source>
            <translation>학습률 η</translation>
        </message>
        <message>
            <source>How the gradient becomes an update; switching starts the optimizer's memory fresh and sets its handout default learning rate</source>
            <translation>기울기를 가중치 갱신으로 바꾸는 방법. 바꾸면 최적화 함수의 기억이 초기화되고 학습률이 교재의 기본값으로 바뀝니다</translation>
        </message>
        <message>
            <source>optimizer</source>
            <translation>최적화 함수</translation>
        </message>
        <message>
            <source>Samples per update (1 = one sample at a time, the course's way)</source>
            <translation>한 번 갱신할 때 쓰는 샘플 수(1 = 수업에서처럼 한 샘플씩)</translation>
        </message>
        <message>
            <source>batch size</source>
            <translation>배치 크기</translation>
        </message>
        <message>
            <source>Passes over the training set (epochs, the handout's rounds)</source>
            <translation>학습 데이터 전체를 몇 번 돌지(에포크, 교재의 라운드)</translation>
        </message>
        <message>
            <source>epochs</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>Needs a reset (new run)</source>
            <translation>초기화 필요 (새 실행)</translation>
        </message>
        <message>
            <source>The loss the gradient comes from: mse, binary or categorical cross-entropy</source>
            <translation>기울기를 구할 손실 함수: 평균 제곱 오차, 이진 교차 엔트로피, 교차 엔트로피</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>손실 함수</translation>
        </message>
        <message>
            <source>Seed of the random initial weights: the same seed gives the same weights</source>
            <translation>랜덤 초기 가중치의 시드: 시드가 같으면 가중치도 같습니다</translation>
        </message>
        <message>
            <source>seed</source>
            <translation>시드</translation>
        </message>
        <message>
            <source>Apply and reset</source>
            <translation>적용하고 초기화</translation>
        </message>
        <message>
            <source>Start a new run with these settings (new initial weights; curves start again)</source>
            <translation>이 설정으로 새로 실행합니다(새 초기 가중치, 곡선도 처음부터)</translation>
        </message>
        <message>
            <source>This lesson has nothing to train.</source>
            <translation>이 수업에는 학습할 것이 없습니다.</translation>
        </message>
        <message>
            <source>Momentum: how much of the last update is kept</source>
            <translation>모멘텀: 직전 갱신을 얼마나 유지할지</translation>
        </message>
        <message>
            <source>ρ: decay of the running average of squared gradients</source>
            <translation>ρ: 기울기 제곱의 이동 평균 감쇠율</translation>
        </message>
        <message>
            <source>β₁: decay of the running average of gradients</source>
            <translation>β₁: 기울기 이동 평균의 감쇠율</translation>
        </message>
        <message>
            <source>β₂: decay of the running average of squared gradients</source>
            <translation>β₂: 기울기 제곱의 이동 평균 감쇠율</translation>
        </message>
        <message>
            <source>ε: keeps the division finite</source>
            <translation>ε: 0으로 나누는 것을 막는 작은 값</translation>
        </message>
        <message>
            <source> (handout default {v})</source>
            <translation> (교재 기본값 {v})</translation>
        </message>
        <message>
            <source>Neurons in this layer (the output layer's size is fixed by the data)</source>
            <translation>이 층의 뉴런 수(출력층의 크기는 데이터가 정합니다)</translation>
        </message>
        <message>
            <source>Activation h of this layer: z = h(a)</source>
            <translation>이 층의 활성화 함수 h: z = h(a)</translation>
        </message>
        <message>
            <source>How this layer's initial weights are drawn</source>
            <translation>이 층의 초기 가중치를 뽑는 방법</translation>
        </message>
        <message>
            <source>units</source>
            <translation>뉴런 수</translation>
        </message>
        <message>
            <source>activation</source>
            <translation>활성화 함수</translation>
        </message>
        <message>
            <source>init</source>
            <translation>초기화</translation>
        </message>
        <message>
            <source>layer {n}</source>
            <translation>{n}층</translation>
        </message>
        <message>
            <source>These changes need a new run: press "Apply and reset" (the weights start again).</source>
            <translation>이 변경은 새로 실행해야 적용됩니다. "적용하고 초기화"를 누르세요(가중치도 처음부터 다시 시작합니다).</translation>
        </message>
    </context>
    <context>
        <name>InputsPanel</name>
        <message>
            <source>Click a row to feed that input into the network; y is the network's output for each row</source>
            <translation>행을 누르면 그 입력이 신경망에 들어갑니다. y는 각 행에 대한 신경망의 출력입니다</translation>
        </message>
        <message>
            <source>Which sample of the data set to feed in</source>
            <translation>데이터셋에서 입력할 샘플</translation>
        </message>
        <message>
            <source>The current input image (28 × 28 pixels)</source>
            <translation>현재 입력 이미지 (28 × 28 픽셀)</translation>
        </message>
        <message>
            <source>test image #</source>
            <translation>테스트 이미지 #</translation>
        </message>
        <message>
            <source>Which MNIST test image to feed in</source>
            <translation>입력할 MNIST 테스트 이미지</translation>
        </message>
        <message>
            <source>Try loading MNIST again</source>
            <translation>MNIST 다시 불러오기</translation>
        </message>
        <message>
            <source>Look for the MNIST files again (for example after running `python -m nnviz data --fetch`)</source>
            <translation>MNIST 파일을 다시 찾습니다(예: `python -m nnviz data --fetch`를 실행한 뒤)</translation>
        </message>
        <message>
            <source>Truth table: pick a row</source>
            <translation>진리표: 행을 고르세요</translation>
        </message>
        <message>
            <source>Input rows: pick one</source>
            <translation>입력 행: 하나를 고르세요</translation>
        </message>
        <message>
            <source>Input image</source>
            <translation>입력 이미지</translation>
        </message>
        <message>
            <source>your drawing (no test image)</source>
            <translation>직접 그린 숫자 (테스트 이미지 아님)</translation>
        </message>
        <message>
            <source>Input x</source>
            <translation>입력 x</translation>
        </message>
        <message>
            <source>Input x (or click the input plane)</source>
            <translation>입력 x (입력 평면을 눌러도 됩니다)</translation>
        </message>
        <message>
            <source>class</source>
            <translation>클래스</translation>
        </message>
        <message>
            <source>input x{i}</source>
            <translation>입력 x{i}</translation>
        </message>
        <message>
            <source>target d (the right answer)</source>
            <translation>정답 d</translation>
        </message>
        <message>
            <source>the network's output</source>
            <translation>신경망의 출력</translation>
        </message>
        <message>
            <source>sample</source>
            <translation>샘플</translation>
        </message>
        <message>
            <source>Input x{i}: type a value or use the arrows</source>
            <translation>입력 x{i}: 값을 입력하거나 화살표를 쓰세요</translation>
        </message>
        <message>
            <source>label: {y}</source>
            <translation>레이블: {y}</translation>
        </message>
        <message>
            <source>your own input: it has no label</source>
            <translation>직접 넣은 입력: 레이블이 없습니다</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message>
            <source>Click a neuron on the canvas to inspect it.</source>
            <extracomment>below this width (px) the activation plot goes under the table instead of beside it</extracomment>
            <translation>캔버스에서 뉴런을 누르면 자세히 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>The neuron's weighted sum a and activation z with the current numbers</source>
            <translation>현재 숫자로 계산한 뉴런의 가중합 a와 활성화 값 z</translation>
        </message>
        <message>
            <source>from</source>
            <translation>입력 뉴런</translation>
        </message>
        <message>
            <source>input z</source>
            <translation>입력 z</translation>
        </message>
        <message>
            <source>weight w</source>
            <translation>가중치 w</translation>
        </message>
        <message>
            <source>Incoming weights and bias of this neuron; double-click a weight to edit it</source>
            <translation>이 뉴런으로 들어오는 가중치와 바이어스. 가중치를 더블클릭하면 고칠 수 있습니다</translation>
        </message>
        <message>
            <source>The activation function h(a); the dot is this neuron's current (a, z)</source>
            <translation>활성화 함수 h(a). 점은 이 뉴런의 현재 (a, z)입니다</translation>
        </message>
        <message>
            <source>Input x{j}</source>
            <translation>입력 x{j}</translation>
        </message>
        <message>
            <source>output</source>
            <translation>출력층</translation>
        </message>
        <message>
            <source>hidden</source>
            <translation>은닉층</translation>
        </message>
        <message>
            <source>Layer {l} ({kind}), neuron {j} — activation {act}</source>
            <translation>{l}층({kind}), 뉴런 {j} — 활성화 함수 {act}</translation>
        </message>
        <message>
            <source>bias b</source>
            <translation>바이어스 b</translation>
        </message>
        <message>
            <source>Double-click to edit</source>
            <translation>더블클릭해서 고치기</translation>
        </message>
        <message>
            <source>“{t}” is not a finite number; the weight was kept.</source>
            <translation>“{t}”은(는) 유한한 숫자가 아니어서 가중치를 그대로 두었습니다.</translation>
        </message>
        <message>
            <source>softmax, other neurons fixed</source>
            <translation>소프트맥스, 다른 뉴런은 고정</translation>
        </message>
    </context>
    <context>
        <name>LayerModel</name>
        <message>
            <source>bias b</source>
            <translation>바이어스 b</translation>
        </message>
        <message>
            <source>{why} {name} stays {old}.</source>
            <translation>{why} {name}은(는) {old}(으)로 그대로 둡니다.</translation>
        </message>
    </context>
    <context>
        <name>LayerStatsView</name>
        <message>
            <source>The layer whose histograms are shown</source>
            <translation>히스토그램을 보여 줄 층</translation>
        </message>
        <message>
            <source>Activations are measured on this fixed set of training inputs (the same at the start and now)</source>
            <translation>활성화 값은 이 고정된 학습 입력들로 잽니다(시작할 때와 지금 같은 입력)</translation>
        </message>
        <message>
            <source>layer</source>
            <translation>층</translation>
        </message>
        <message>
            <source>weights mean ± std</source>
            <translation>가중치 평균 ± 표준편차</translation>
        </message>
        <message>
            <source>outputs z mean ± std</source>
            <translation>출력 z 평균 ± 표준편차</translation>
        </message>
        <message>
            <source>dead</source>
            <translation>죽은 뉴런</translation>
        </message>
        <message>
            <source>Per layer: mean ± standard deviation of the weights and of the outputs z on the sample; dead = share of ReLU units whose output is 0 for every input of the sample (they no longer learn). Click a row to see its histograms</source>
            <translation>층별로 가중치와, 표본 입력에 대한 출력 z의 평균 ± 표준편차. 죽은 뉴런 = 표본의 모든 입력에서 출력이 0인 ReLU 뉴런의 비율(더는 학습되지 않음). 행을 누르면 히스토그램을 봅니다</translation>
        </message>
        <message>
            <source>Grey: at the start of the run · blue: now. Wheel: zoom · drag: pan</source>
            <translation>회색: 실행을 시작할 때 · 파랑: 지금. 휠: 확대/축소 · 끌기: 이동</translation>
        </message>
        <message>
            <source>weights w</source>
            <translation>가중치 w</translation>
        </message>
        <message>
            <source>outputs z</source>
            <translation>출력 z</translation>
        </message>
        <message>
            <source>count</source>
            <translation>개수</translation>
        </message>
        <message>
            <source>start</source>
            <translation>시작</translation>
        </message>
        <message>
            <source>now</source>
            <translation>지금</translation>
        </message>
        <message>
            <source>Mean ± standard deviation now (at the start)</source>
            <translation>지금의 평균 ± 표준편차 (시작할 때)</translation>
        </message>
        <message>
            <source>&lt;span style='color:#969696'&gt;■ at the start&lt;/span&gt; &amp;nbsp; &lt;span style='color:{c}'&gt;━ now&lt;/span&gt;</source>
            <translation>&lt;span style='color:#969696'&gt;■ 처음&lt;/span&gt; &amp;nbsp; &lt;span style='color:{c}'&gt;━ 지금&lt;/span&gt;</translation>
        </message>
        <message>
            <source>{n}: {u} × {act}</source>
            <translation>{n}: {u} × {act}</translation>
        </message>
        <message>
            <source>training inputs</source>
            <translation>학습 입력</translation>
        </message>
        <message>
            <source>inputs</source>
            <translation>입력</translation>
        </message>
        <message>
            <source>input</source>
            <translation>입력</translation>
        </message>
        <message>
            <source>activations on {n} {what}</source>
            <translation>{what} {n}개에 대한 활성화 값</translation>
        </message>
        <message>
            <source>w: {m} ± {s} (start {m0} ± {s0})    z: {zm} ± {zs} (start {zm0} ± {zs0})</source>
            <translation>w: {m} ± {s} (시작 {m0} ± {s0})    z: {zm} ± {zs} (시작 {zm0} ± {zs0})</translation>
        </message>
        <message>
            <source>now {m} ± {s}; at the start {m0} ± {s0}</source>
            <translation>지금 {m} ± {s}, 시작할 때 {m0} ± {s0}</translation>
        </message>
        <message>
            <source>dead at the start: {p}</source>
            <translation>시작할 때 죽은 뉴런: {p}</translation>
        </message>
        <message>
            <source>only ReLU units can die (output 0 for every input)</source>
            <translation>ReLU 뉴런만 죽을 수 있습니다(모든 입력에서 출력 0)</translation>
        </message>
    </context>
    <context>
        <name>LessonCard</name>
        <message>
            <source>Lesson {n}: {title}</source>
            <translation>수업 {n}: {title}</translation>
        </message>
        <message>
            <source>Network {sizes}</source>
            <translation>신경망 {sizes}</translation>
        </message>
        <message>
            <source>Lesson {n} · Handout {h}</source>
            <translation>수업 {n} · 교재 {h}</translation>
        </message>
        <message>
            <source>{head} · open now</source>
            <translation>{head} · 지금 열린 수업</translation>
        </message>
    </context>
    <context>
        <name>LessonMapDialog</name>
        <message>
            <source>Lesson map</source>
            <translation>수업 지도</translation>
        </message>
        <message>
            <source>nnviz lessons and models (*.nnviz *.npz);;All files (*)</source>
            <translation>nnviz 수업과 모델 (*.nnviz *.npz);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Lessons</source>
            <translation>수업</translation>
        </message>
        <message>
            <source>The lessons follow the course handouts, one idea after another. Start at the beginning, or pick any lesson.</source>
            <translation>수업은 교재의 순서대로 한 가지 개념씩 이어집니다. 처음부터 시작하거나 원하는 수업을 고르세요.</translation>
        </message>
        <message>
            <source>Start with lesson 1: {title}</source>
            <translation>수업 1부터 시작: {title}</translation>
        </message>
        <message>
            <source>Open a lesson file…</source>
            <translation>수업 파일 열기…</translation>
        </message>
        <message>
            <source>Open a lesson an instructor shared, or a saved model</source>
            <translation>강사가 공유한 수업이나 저장한 모델을 엽니다</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>닫기</translation>
        </message>
        <message>
            <source>Open a lesson file</source>
            <translation>수업 파일 열기</translation>
        </message>
    </context>
    <context>
        <name>LessonModel</name>
        <message>
            <source>Loading {kind} …</source>
            <translation>{kind} 불러오는 중 …</translation>
        </message>
        <message>
            <source>Loading the MNIST test images in the background …</source>
            <translation>MNIST 테스트 이미지를 백그라운드에서 불러오는 중 …</translation>
        </message>
        <message>
            <source>MNIST loaded: {n} test images</source>
            <translation>MNIST를 불러왔습니다: 테스트 이미지 {n}장</translation>
        </message>
        <message>
            <source>MNIST is not available: the network is shown with a blank input</source>
            <translation>MNIST를 쓸 수 없어 빈 입력으로 신경망을 보여 줍니다</translation>
        </message>
        <message>
            <source>Only finite numbers can be weights (no NaN or ∞).</source>
            <translation>가중치는 유한한 숫자만 가능합니다(NaN, ∞ 불가).</translation>
        </message>
        <message>
            <source>Reset to the lesson's weights</source>
            <translation>수업의 가중치로 초기화</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>저장했습니다: {path}</translation>
        </message>
        <message>
            <source>Opened {path}</source>
            <translation>열었습니다: {path}</translation>
        </message>
        <message>
            <source>Fill layer {n} with {scheme} (seed {seed})</source>
            <translation>{n}층을 {scheme}(으)로 채우기(시드 {seed})</translation>
        </message>
        <message>
            <source>Set {name} = {v}</source>
            <translation>{name} = {v}(으)로 설정</translation>
        </message>
        <message>
            <source>Paste {n} values into {name}</source>
            <translation>{name}에 값 {n}개 붙여넣기</translation>
        </message>
        <message>
            <source>layer {n} has no bias</source>
            <translation>{n}층에는 바이어스가 없습니다</translation>
        </message>
    </context>
    <context>
        <name>LessonPicker</name>
        <message>
            <source>Perceptron</source>
            <translation>퍼셉트론</translation>
        </message>
        <message>
            <source>Multi-layer perceptron</source>
            <translation>다층 퍼셉트론</translation>
        </message>
        <message>
            <source>Backpropagation</source>
            <translation>오차 역전파</translation>
        </message>
        <message>
            <source>Activations, losses, optimizers</source>
            <translation>활성화 함수, 손실 함수, 최적화 함수</translation>
        </message>
        <message>
            <source>MNIST</source>
            <translation>MNIST</translation>
        </message>
        <message>
            <source>Choose a lesson (a handout example)</source>
            <translation>수업을 고르세요(교재의 예제)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>The network: wheel to zoom, drag to pan, click a neuron to inspect it, click an edge or a bias to edit it</source>
            <translation>신경망: 휠로 확대/축소, 끌어서 이동, 뉴런을 누르면 자세히 보기, 연결선이나 바이어스를 누르면 값 고치기</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>입력</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>출력</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>가중치</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>뉴런 정보</translation>
        </message>
        <message>
            <source>Explanation</source>
            <translation>설명</translation>
        </message>
        <message>
            <source>Step Detail</source>
            <translation>스텝 상세</translation>
        </message>
        <message>
            <source>Hyper-parameters</source>
            <translation>하이퍼파라미터</translation>
        </message>
        <message>
            <source>Gradient Norms</source>
            <translation>기울기 크기</translation>
        </message>
        <message>
            <source>Run Comparison</source>
            <translation>실행 비교</translation>
        </message>
        <message>
            <source>Regularisation</source>
            <translation>규제</translation>
        </message>
        <message>
            <source>Weight statistics</source>
            <translation>가중치 통계</translation>
        </message>
        <message>
            <source>Loss and Accuracy</source>
            <translation>손실과 정답률</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>새로 시작(&amp;N)</translation>
        </message>
        <message>
            <source>Start over from the lesson's initial weights</source>
            <translation>수업의 초기 가중치로 처음부터 다시 시작합니다</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>열기(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a model (.npz) or a pickled weight dict (.pkl)</source>
            <translation>모델(.npz)이나 피클로 저장된 가중치 딕셔너리(.pkl)를 엽니다</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>저장(&amp;S)</translation>
        </message>
        <message>
            <source>Save the network and its weights</source>
            <translation>신경망과 가중치를 저장합니다</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>다른 이름으로 저장(&amp;A)…</translation>
        </message>
        <message>
            <source>Save under a new name</source>
            <translation>새 이름으로 저장합니다</translation>
        </message>
        <message>
            <source>&amp;Export Canvas as PNG…</source>
            <translation>캔버스를 PNG로 내보내기(&amp;E)…</translation>
        </message>
        <message>
            <source>Save a picture of the network canvas</source>
            <translation>신경망 캔버스를 그림으로 저장합니다</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>끝내기(&amp;Q)</translation>
        </message>
        <message>
            <source>Close nnviz</source>
            <translation>nnviz를 닫습니다</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>실행 취소(&amp;U)</translation>
        </message>
        <message>
            <source>Undo the last weight edit (Ctrl+Z)</source>
            <translation>마지막 가중치 수정을 취소합니다(Ctrl+Z)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>다시 실행(&amp;R)</translation>
        </message>
        <message>
            <source>Redo the edit you undid (Ctrl+Shift+Z)</source>
            <translation>취소한 수정을 다시 실행합니다(Ctrl+Shift+Z)</translation>
        </message>
        <message>
            <source>nnviz lessons and models (*.nnviz *.npz);;nnviz lessons (*.nnviz);;nnviz models (*.npz);;Pickled weights (*.pkl *.pickle);;All files (*)</source>
            <translation>nnviz 수업과 모델 (*.nnviz *.npz);;nnviz 수업 (*.nnviz);;nnviz 모델 (*.npz);;피클 가중치 (*.pkl *.pickle);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Open a lesson or a model</source>
            <translation>수업이나 모델 열기</translation>
        </message>
        <message>
            <source>Save &amp;Lesson…</source>
            <translation>수업 저장(&amp;L)…</translation>
        </message>
        <message>
            <source>Save the lesson as it is now (weights, hyper-parameters, data, panels, guide) in one .nnviz file to share with students</source>
            <translation>지금 수업 그대로(가중치, 하이퍼파라미터, 데이터, 패널, 가이드) 학생과 나눌 .nnviz 파일 하나에 저장합니다</translation>
        </message>
        <message>
            <source>Attach a &amp;Guide…</source>
            <translation>가이드 붙이기(&amp;G)…</translation>
        </message>
        <message>
            <source>Give this lesson a guide you wrote (JSON, see the README); Save Lesson keeps it</source>
            <translation>직접 쓴 가이드(JSON, README 참고)를 이 수업에 붙입니다. 수업 저장이 함께 저장합니다</translation>
        </message>
        <message>
            <source>E&amp;dit the Guide…</source>
            <translation>가이드 편집(&amp;D)…</translation>
        </message>
        <message>
            <source>Edit this lesson's guide in the app: its steps, texts, tasks and checks; Save Lesson keeps it</source>
            <translation>이 수업의 가이드를 앱에서 편집합니다(단계, 설명, 과제와 확인). 수업 저장이 함께 저장합니다</translation>
        </message>
        <message>
            <source>Save the lesson</source>
            <translation>수업 저장</translation>
        </message>
        <message>
            <source>nnviz lessons (*.nnviz)</source>
            <translation>nnviz 수업 (*.nnviz)</translation>
        </message>
        <message>
            <source>Attach a guide</source>
            <translation>가이드 붙이기</translation>
        </message>
        <message>
            <source>Guides (*.json);;All files (*)</source>
            <translation>가이드 (*.json);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Saved the lesson {path}</source>
            <translation>수업을 저장했습니다: {path}</translation>
        </message>
        <message>
            <source>no lesson is open</source>
            <translation>열린 수업이 없습니다</translation>
        </message>
        <message>
            <source>Cannot use this guide</source>
            <translation>이 가이드를 쓸 수 없음</translation>
        </message>
        <message>
            <source>The lesson now follows the guide {name}; Save Lesson keeps it</source>
            <translation>이제 수업이 가이드 {name}을(를) 따릅니다. 수업 저장이 함께 저장합니다</translation>
        </message>
        <message>
            <source>The lesson now follows the edited guide; Save Lesson keeps it</source>
            <translation>이제 수업이 편집한 가이드를 따릅니다. 수업 저장이 함께 저장합니다</translation>
        </message>
        <message>
            <source>Reset &amp;Weights</source>
            <translation>가중치 초기화(&amp;W)</translation>
        </message>
        <message>
            <source>Back to the lesson's initial weights (undoable)</source>
            <translation>수업의 초기 가중치로 되돌립니다(실행 취소 가능)</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>확대(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom into the canvas</source>
            <translation>캔버스를 확대합니다</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>축소(&amp;O)</translation>
        </message>
        <message>
            <source>Zoom out of the canvas</source>
            <translation>캔버스를 축소합니다</translation>
        </message>
        <message>
            <source>&amp;Fit to Window</source>
            <translation>창에 맞추기(&amp;F)</translation>
        </message>
        <message>
            <source>Show the whole network</source>
            <translation>신경망 전체를 보여 줍니다</translation>
        </message>
        <message>
            <source>Show &amp;Numbers</source>
            <translation>숫자 표시(&amp;N)</translation>
        </message>
        <message>
            <source>Show a and z on neurons, w on edges, b on biases</source>
            <translation>뉴런에 a와 z, 연결선에 w, 바이어스에 b를 표시합니다</translation>
        </message>
        <message>
            <source>Lesson &amp;Explanation</source>
            <translation>수업 설명(&amp;E)</translation>
        </message>
        <message>
            <source>What this lesson is about (F1)</source>
            <translation>이 수업에서 배우는 내용(F1)</translation>
        </message>
        <message>
            <source>&amp;About nnviz</source>
            <translation>nnviz 정보(&amp;A)</translation>
        </message>
        <message>
            <source>Version and licence</source>
            <translation>버전과 라이선스</translation>
        </message>
        <message>
            <source>&amp;Reset Layout</source>
            <translation>배치 초기화(&amp;R)</translation>
        </message>
        <message>
            <source>Show this lesson's panels as the lesson arranges them</source>
            <translation>이 수업의 패널을 수업이 정한 배치로 되돌립니다</translation>
        </message>
        <message>
            <source>Lesson &amp;Map…</source>
            <translation>수업 지도(&amp;M)…</translation>
        </message>
        <message>
            <source>Every lesson in the handouts' order, with a picture of its network</source>
            <translation>교재 순서대로 모든 수업과 각 수업의 신경망 그림</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>맞추기</translation>
        </message>
        <message>
            <source>Numbers</source>
            <translation>숫자</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>최근 파일(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>편집(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>보기(&amp;V)</translation>
        </message>
        <message>
            <source>Wide layers: how many of their strongest links each pair of layers draws, faded (a hovered or selected neuron's own strongest edges are drawn as well)</source>
            <translation>넓은 층: 두 층 사이마다 가장 강한 연결선을 이 개수만큼 흐리게 그립니다(마우스를 올리거나 선택한 뉴런의 가장 강한 연결선은 따로 더 그립니다)</translation>
        </message>
        <message>
            <source>Show or hide this panel</source>
            <translation>이 패널을 보이거나 숨깁니다</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>언어(&amp;L)</translation>
        </message>
        <message>
            <source>Use this language (applies after a restart)</source>
            <translation>이 언어를 사용합니다(다시 시작하면 적용)</translation>
        </message>
        <message>
            <source>&amp;Lessons</source>
            <translation>수업(&amp;L)</translation>
        </message>
        <message>
            <source>Opening {name} was cancelled.</source>
            <translation>{name} 열기를 취소했습니다.</translation>
        </message>
        <message>
            <source>&amp;Training</source>
            <translation>학습(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Compare the lesson's variants</source>
            <translation>비교 실행(&amp;C)</translation>
        </message>
        <message>
            <source>Train the lesson once per compared setting (e.g. all six optimizers with their handout defaults), every run from the same initial weights, and overlay the curves in Run Comparison</source>
            <translation>비교할 설정마다(예: 교재의 기본값을 쓰는 최적화 함수 6가지) 같은 초기 가중치에서 한 번씩 학습하고, 실행 비교에 곡선을 겹쳐 그립니다</translation>
        </message>
        <message>
            <source>L&amp;abs</source>
            <translation>실습(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Activation Gallery</source>
            <translation>활성화 함수 갤러리(&amp;A)</translation>
        </message>
        <message>
            <source>f and f′ of every activation over [−10, 10]</source>
            <translation>모든 활성화 함수의 f와 f′를 [−10, 10] 구간에서 그립니다</translation>
        </message>
        <message>
            <source>&amp;Optimizer Race</source>
            <translation>최적화 함수 경주(&amp;O)</translation>
        </message>
        <message>
            <source>Optimizers racing down 2-D loss surfaces</source>
            <translation>최적화 함수들이 2차원 손실 곡면을 내려가는 경주</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>기본 도구</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>수업</translation>
        </message>
        <message>
            <source>strongest edges: </source>
            <translation>가장 강한 연결선: </translation>
        </message>
        <message>
            <source>Live figures</source>
            <translation>실시간 수치</translation>
        </message>
        <message>
            <source>The network's neurons per layer and number of parameters</source>
            <translation>신경망의 층별 뉴런 수와 매개변수 개수</translation>
        </message>
        <message>
            <source>Canvas zoom</source>
            <translation>캔버스 배율</translation>
        </message>
        <message>
            <source>Loading lessons …</source>
            <translation>수업을 불러오는 중 …</translation>
        </message>
        <message>
            <source>zoom {p} %</source>
            <translation>배율 {p} %</translation>
        </message>
        <message>
            <source>Comparing the variants from the same weights …</source>
            <translation>같은 가중치에서 각 설정을 비교하는 중 …</translation>
        </message>
        <message>
            <source>Comparing the variants: epoch {d} of {t}</source>
            <translation>설정 비교 중: 에포크 {d} / {t}</translation>
        </message>
        <message>
            <source>{n} runs compared</source>
            <translation>실행 {n}개를 비교했습니다</translation>
        </message>
        <message>
            <source>The comparison failed: {m}</source>
            <translation>비교에 실패했습니다: {m}</translation>
        </message>
        <message>
            <source>Training stopped</source>
            <translation>학습이 멈췄습니다</translation>
        </message>
        <message>
            <source>The network shows the last good weights.</source>
            <translation>신경망에는 마지막으로 정상이던 가중치가 표시됩니다.</translation>
        </message>
        <message>
            <source>Back to the last good weights, learning rate ÷ 10</source>
            <translation>마지막 정상 가중치로 되돌리고 학습률 ÷ 10</translation>
        </message>
        <message>
            <source>Keep the weights from before the step that diverged and try a smaller learning rate</source>
            <translation>발산하기 전 단계의 가중치를 유지하고 더 작은 학습률로 다시 해 봅니다</translation>
        </message>
        <message>
            <source>Reset to the initial weights</source>
            <translation>초기 가중치로 초기화</translation>
        </message>
        <message>
            <source>Start this run again from its initial weights</source>
            <translation>이번 실행을 초기 가중치에서 다시 시작합니다</translation>
        </message>
        <message>
            <source>Activation Gallery</source>
            <translation>활성화 함수 갤러리</translation>
        </message>
        <message>
            <source>Optimizer Race</source>
            <translation>최적화 함수 경주</translation>
        </message>
        <message>
            <source>This lab is not available: {e}</source>
            <translation>이 실습을 사용할 수 없습니다: {e}</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>준비됨</translation>
        </message>
        <message>
            <source>network {sizes} · {n} parameters</source>
            <translation>신경망 {sizes} · 매개변수 {n}개</translation>
        </message>
        <message>
            <source>Lesson: {t}</source>
            <translation>수업: {t}</translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>열 수 없습니다</translation>
        </message>
        <message>
            <source>Save the model</source>
            <translation>모델 저장</translation>
        </message>
        <message>
            <source>nnviz models (*.npz)</source>
            <translation>nnviz 모델 (*.npz)</translation>
        </message>
        <message>
            <source>Cannot save</source>
            <translation>저장할 수 없습니다</translation>
        </message>
        <message>
            <source>Export the canvas</source>
            <translation>캔버스 내보내기</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 이미지 (*.png)</translation>
        </message>
        <message>
            <source>Exported {p}</source>
            <translation>내보냈습니다: {p}</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>내보내기에 실패했습니다</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>언어</translation>
        </message>
        <message>
            <source>The language will change the next time nnviz starts.</source>
            <translation>nnviz를 다음에 시작할 때 언어가 바뀝니다.</translation>
        </message>
        <message>
            <source>Show nnviz in {language} now? The window is opened again: the lesson stays, the weights go back to the lesson's start.</source>
            <translation>지금 nnviz를 {language}(으)로 표시할까요? 창을 다시 엽니다. 수업은 그대로이고, 가중치는 수업의 처음 상태로 돌아갑니다.</translation>
        </message>
        <message>
            <source>Restart now</source>
            <translation>지금 다시 시작</translation>
        </message>
        <message>
            <source>Close this window and open it again in the new language</source>
            <translation>이 창을 닫고 새 언어로 다시 엽니다</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>나중에</translation>
        </message>
        <message>
            <source>Keep working; the new language applies at the next start</source>
            <translation>계속 작업합니다. 새 언어는 다음에 시작할 때 적용됩니다</translation>
        </message>
        <message>
            <source>Language saved: {l} (restart to apply)</source>
            <translation>언어를 저장했습니다: {l} (다시 시작하면 적용)</translation>
        </message>
        <message>
            <source>About nnviz</source>
            <translation>nnviz 정보</translation>
        </message>
        <message>
            <source>&lt;h3&gt;nnviz {v}&lt;/h3&gt;&lt;p&gt;Watch neural networks learn: perceptrons, XOR, backprop, optimizers and MNIST, step by step.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;nnviz {v}&lt;/h3&gt;&lt;p&gt;신경망이 배우는 과정을 한 단계씩 지켜봅니다: 퍼셉트론, XOR, 오차 역전파, 최적화 함수, MNIST.&lt;/p&gt;&lt;p&gt;MIT 라이선스.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>MnistViews</name>
        <message>
            <source>Test images</source>
            <translation>테스트 이미지</translation>
        </message>
        <message>
            <source>Draw a digit</source>
            <translation>숫자 그리기</translation>
        </message>
        <message>
            <source>Confusion matrix</source>
            <translation>혼동 행렬</translation>
        </message>
        <message>
            <source>Weight images</source>
            <translation>가중치 이미지</translation>
        </message>
        <message>
            <source>Show or hide the {t} view</source>
            <translation>{t} 화면을 보이거나 숨깁니다</translation>
        </message>
        <message>
            <source>&amp;MNIST</source>
            <translation>MNIST(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Data…</source>
            <translation>데이터(&amp;D)…</translation>
        </message>
        <message>
            <source>Where MNIST was found; download it or choose a folder</source>
            <translation>MNIST를 찾은 위치. 내려받거나 폴더를 지정할 수 있습니다</translation>
        </message>
        <message>
            <source>&amp;Evaluate test images</source>
            <translation>테스트 이미지 평가(&amp;E)</translation>
        </message>
        <message>
            <source>Classify the 10,000 test images in batches of 100 and show the accuracy</source>
            <translation>테스트 이미지 10,000장을 100장씩 배치로 분류하고 정답률을 보여 줍니다</translation>
        </message>
    </context>
    <context>
        <name>ModelActions</name>
        <message>
            <source>Save trained model…</source>
            <translation>학습한 모델 저장…</translation>
        </message>
        <message>
            <source>Save the network and its weights as an .npz file</source>
            <translation>신경망과 가중치를 .npz 파일로 저장합니다</translation>
        </message>
        <message>
            <source>Load trained model…</source>
            <translation>학습한 모델 불러오기…</translation>
        </message>
        <message>
            <source>Open a model saved by nnviz (.npz)</source>
            <translation>nnviz로 저장한 모델(.npz)을 엽니다</translation>
        </message>
        <message>
            <source>Import the book's weights…</source>
            <translation>책의 가중치 불러오기…</translation>
        </message>
        <message>
            <source>from the book's GitHub repository, ch03/sample_weight.pkl</source>
            <translation>책의 GitHub 저장소에서 받은 ch03/sample_weight.pkl</translation>
        </message>
        <message>
            <source>The book's sample_weight.pkl (ch03 of its GitHub repository, deep-learning-from-scratch), read safely: nothing in the file runs</source>
            <translation>책의 sample_weight.pkl(책의 GitHub 저장소 deep-learning-from-scratch의 ch03)을 안전하게 읽습니다. 파일 안의 어떤 코드도 실행되지 않습니다</translation>
        </message>
        <message>
            <source>Import the book's weights (sample_weight.pkl from the book's GitHub repository)</source>
            <translation>책의 가중치 불러오기 (책의 GitHub 저장소에 있는 sample_weight.pkl)</translation>
        </message>
        <message>
            <source>Weight files (*.pkl *.pickle *.npz);;All files (*)</source>
            <translation>가중치 파일 (*.pkl *.pickle *.npz);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Weights not imported</source>
            <translation>가중치를 가져오지 못했습니다</translation>
        </message>
        <message>
            <source>This file could not be read: {name}
{why}

Nothing in the file was run; the current lesson is unchanged.</source>
            <translation>이 파일을 읽을 수 없습니다: {name}
{why}

파일 안의 어떤 것도 실행되지 않았고, 지금 수업은 그대로입니다.</translation>
        </message>
        <message>
            <source>{name} describes a network with {i} inputs and {o} outputs; an MNIST network needs 784 inputs and 10 outputs.</source>
            <translation>{name}은(는) 입력 {i}개, 출력 {o}개인 신경망입니다. MNIST 신경망은 입력 784개, 출력 10개가 필요합니다.</translation>
        </message>
        <message>
            <source>Imported {name}: classifying the test images in batches of 100 …</source>
            <translation>{name}을(를) 가져왔습니다. 테스트 이미지를 100장씩 분류하는 중 …</translation>
        </message>
        <message>
            <source>Test accuracy of the pretrained network: {acc} ({p}, {k} of {n})</source>
            <translation>학습된 신경망의 테스트 정답률: {acc} ({p}, {n}장 중 {k}장)</translation>
        </message>
        <message>
            <source>Test accuracy of the imported weights: {acc} ({p}, {k} of {n})</source>
            <translation>가져온 가중치의 테스트 정답률: {acc} ({p}, {n}장 중 {k}장)</translation>
        </message>
        <message>
            <source>The imported weights could not be evaluated: {m}</source>
            <translation>가져온 가중치를 평가할 수 없습니다: {m}</translation>
        </message>
        <message>
            <source>Save trained model</source>
            <translation>학습한 모델 저장</translation>
        </message>
        <message>
            <source>nnviz model (*.npz)</source>
            <translation>nnviz 모델 (*.npz)</translation>
        </message>
        <message>
            <source>Model not saved</source>
            <translation>모델을 저장하지 못했습니다</translation>
        </message>
        <message>
            <source>{path} could not be written: {why}</source>
            <translation>{path}에 쓸 수 없습니다: {why}</translation>
        </message>
        <message>
            <source>Load trained model</source>
            <translation>학습한 모델 불러오기</translation>
        </message>
        <message>
            <source>Model not loaded</source>
            <translation>모델을 불러오지 못했습니다</translation>
        </message>
        <message>
            <source>This file could not be read: {name}
{why}

The current lesson is unchanged.</source>
            <translation>이 파일을 읽을 수 없습니다: {name}
{why}

지금 수업은 그대로입니다.</translation>
        </message>
    </context>
    <context>
        <name>Names</name>
        <message>
            <source>identity</source>
            <translation>항등 함수</translation>
        </message>
        <message>
            <source>sigmoid</source>
            <translation>시그모이드</translation>
        </message>
        <message>
            <source>tanh</source>
            <translation>tanh</translation>
        </message>
        <message>
            <source>ReLU</source>
            <translation>ReLU</translation>
        </message>
        <message>
            <source>leaky ReLU</source>
            <translation>Leaky ReLU</translation>
        </message>
        <message>
            <source>PReLU</source>
            <translation>PReLU</translation>
        </message>
        <message>
            <source>ELU</source>
            <translation>ELU</translation>
        </message>
        <message>
            <source>swish</source>
            <translation>Swish</translation>
        </message>
        <message>
            <source>softplus</source>
            <translation>Softplus</translation>
        </message>
        <message>
            <source>step</source>
            <translation>계단 함수</translation>
        </message>
        <message>
            <source>softmax</source>
            <translation>소프트맥스</translation>
        </message>
        <message>
            <source>maxout</source>
            <translation>Maxout</translation>
        </message>
        <message>
            <source>mean squared error (MSE)</source>
            <translation>평균 제곱 오차 (MSE)</translation>
        </message>
        <message>
            <source>binary cross-entropy</source>
            <translation>이진 교차 엔트로피</translation>
        </message>
        <message>
            <source>categorical cross-entropy</source>
            <translation>교차 엔트로피</translation>
        </message>
        <message>
            <source>SGD</source>
            <translation>확률적 경사 하강법(SGD)</translation>
        </message>
        <message>
            <source>momentum</source>
            <translation>모멘텀(Momentum)</translation>
        </message>
        <message>
            <source>Nesterov (NAG)</source>
            <translation>네스테로프 모멘텀(NAG)</translation>
        </message>
        <message>
            <source>Adagrad</source>
            <translation>아다그라드(Adagrad)</translation>
        </message>
        <message>
            <source>RMSProp</source>
            <translation>알엠에스프롭(RMSProp)</translation>
        </message>
        <message>
            <source>Adam</source>
            <translation>아담(Adam)</translation>
        </message>
    </context>
    <context>
        <name>NetworkLegend</name>
        <message>
            <source>Weights on edges: the strongest that fit. Hover a neuron for its own, an edge for its weight.</source>
            <translation>연결선의 가중치: 들어갈 자리가 있는 가장 강한 것부터. 뉴런에 마우스를 올리면 그 뉴런의 가중치가, 연결선에 올리면 그 가중치가 보입니다.</translation>
        </message>
        <message>
            <source>Numbers on edges: the strongest weights that fit without covering a neuron or another number; a hovered neuron's edges first, then a selected neuron's. Hover an edge for its exact weight.</source>
            <translation>연결선 위의 수: 뉴런이나 다른 수를 가리지 않는 자리가 있는 가장 강한 가중치부터 씁니다(마우스를 올린 뉴런의 연결선이 먼저, 그다음 선택한 뉴런의 연결선). 연결선에 마우스를 올리면 정확한 가중치가 보입니다.</translation>
        </message>
        <message>
            <source>Wide layers: a dot per neuron, {rows} to a column; faded: the strongest links. Hover or click a neuron for its {n} strongest edges.</source>
            <translation>넓은 층: 점 하나가 뉴런 하나, 한 줄에 {rows}개. 흐린 선은 가장 강한 연결. 뉴런에 마우스를 올리거나 누르면 가장 강한 연결선 {n}개가 보입니다.</translation>
        </message>
        <message>
            <source>Wide layers (more than {full} neurons) are bands of dots, one per neuron, {rows} to a column from the top, coloured by the neuron's value. The faded lines are each pair of layers' strongest links, as many as 'strongest edges' in the toolbar says. Hovering or clicking a neuron draws its {n} strongest incoming and outgoing edges in full colour.</source>
            <translation>넓은 층(뉴런 {full}개 초과)은 점의 띠로 그립니다. 점 하나가 뉴런 하나이고, 위에서부터 한 줄에 {rows}개씩, 뉴런의 값으로 색칠합니다. 흐린 선은 두 층 사이의 가장 강한 연결이며, 그 개수는 도구 모음의 '가장 강한 연결선'이 정합니다. 뉴런에 마우스를 올리거나 누르면 그 뉴런으로 들어오고 나가는 가장 강한 연결선 {n}개씩을 진하게 그립니다.</translation>
        </message>
        <message>
            <source>Rows: a neuron shows its value; point at it for a, b and its formula.</source>
            <translation>줄로 그린 층: 뉴런 안에는 값이 보이고, 마우스를 올리면 a, b와 식이 보입니다.</translation>
        </message>
        <message>
            <source>On a small canvas the layers are tight rows: each neuron shows its value z; pointing at it shows its weighted sum a, its bias b and its formula, and writes the weights of its edges.</source>
            <translation>캔버스가 작으면 층을 촘촘한 줄로 그립니다. 뉴런 안에는 값 z가 보이고, 마우스를 올리면 가중합 a, 바이어스 b와 식이 보이며 그 뉴런의 연결선에 가중치가 쓰입니다.</translation>
        </message>
        <message>
            <source>value (a, z, w, b)</source>
            <translation>값 (a, z, w, b)</translation>
        </message>
        <message>
            <source>edge width ∝ |w|</source>
            <translation>연결선 굵기 ∝ |w|</translation>
        </message>
    </context>
    <context>
        <name>NetworkView</name>
        <message>
            <source>Input x ({n})</source>
            <translation>입력 x ({n})</translation>
        </message>
        <message>
            <source>Input x</source>
            <translation>입력 x</translation>
        </message>
        <message>
            <source>Output y · {act}</source>
            <translation>출력 y · {act}</translation>
        </message>
        <message>
            <source>Hidden {l} · {act} ({n})</source>
            <translation>은닉층 {l} · {act} ({n})</translation>
        </message>
        <message>
            <source>step function</source>
            <translation>계단 함수</translation>
        </message>
        <message>
            <source>sigmoid</source>
            <translation>시그모이드</translation>
        </message>
        <message>
            <source>softmax</source>
            <translation>소프트맥스</translation>
        </message>
        <message>
            <source>identity</source>
            <translation>항등 함수</translation>
        </message>
        <message>
            <source>Hidden {l} · {act}</source>
            <translation>은닉층 {l} · {act}</translation>
        </message>
        <message>
            <source>{n} neurons</source>
            <translation>뉴런 {n}개</translation>
        </message>
        <message>
            <source>weight W{l}[{i},{j}] = {w}</source>
            <translation>가중치 W{l}[{i},{j}] = {w}</translation>
        </message>
        <message>
            <source>{why} The weight was kept.</source>
            <translation>{why} 가중치는 그대로 둡니다.</translation>
        </message>
        <message>
            <source>from neuron {i} of layer {l0} to neuron {j} of layer {l1}</source>
            <translation>{l0}층의 뉴런 {i}에서 {l1}층의 뉴런 {j}(으)로</translation>
        </message>
        <message>
            <source>gradient ∂L/∂w = {g}</source>
            <translation>기울기 ∂L/∂w = {g}</translation>
        </message>
        <message>
            <source>Click to edit</source>
            <translation>눌러서 고치기</translation>
        </message>
        <message>
            <source>bias b{l}[{j}] = {b}
Click to edit</source>
            <translation>바이어스 b{l}[{j}] = {b}
눌러서 고치기</translation>
        </message>
        <message>
            <source>Enter applies the value, Esc cancels</source>
            <translation>Enter: 값 적용, Esc: 취소</translation>
        </message>
    </context>
    <context>
        <name>NeuronFormula</name>
        <message>
            <source>input x{j} = {v}</source>
            <translation>입력 x{j} = {v}</translation>
        </message>
        <message>
            <source>… ({n} terms)</source>
            <translation>… (항 {n}개)</translation>
        </message>
        <message>
            <source>layer {l}, neuron {j}</source>
            <translation>{l}층, 뉴런 {j}</translation>
        </message>
        <message>
            <source>(step function: 1 when a &gt; 0, else 0)</source>
            <translation>(계단 함수: a &gt; 0이면 1, 아니면 0)</translation>
        </message>
        <message>
            <source>full precision: a = {a}, z = {z}</source>
            <translation>전체 자릿수: a = {a}, z = {z}</translation>
        </message>
    </context>
    <context>
        <name>NumberInput</name>
        <message>
            <source>“{t}” is not a finite number.</source>
            <translation>“{t}”은(는) 유한한 수가 아닙니다.</translation>
        </message>
        <message>
            <source>“{t}” is ambiguous: a comma can separate thousands (1,000 = 1000) or decimals (1,5 = 1.5). Type it without the comma, with a point for decimals (1000 or 1.0).</source>
            <translation>“{t}”은(는) 모호합니다: 쉼표는 천 단위 구분(1,000 = 1000)일 수도, 소수점(1,5 = 1.5)일 수도 있습니다. 쉼표 없이, 소수점은 점으로 입력하세요(1000 또는 1.0).</translation>
        </message>
        <message>
            <source>“{t}” is not written with the digits 0–9 (full-width or Arabic-Indic digits are not read); type it with 0–9.</source>
            <translation>“{t}”은(는) 0–9 숫자로 쓰이지 않았습니다(전각 숫자나 아랍-인도 숫자는 읽지 않습니다). 0–9로 입력하세요.</translation>
        </message>
    </context>
    <context>
        <name>OptimizerRace</name>
        <message>
            <source>bowl</source>
            <translation>그릇</translation>
        </message>
        <message>
            <source>long valley (Rosenbrock)</source>
            <translation>긴 골짜기 (로젠브록)</translation>
        </message>
        <message>
            <source>saddle</source>
            <translation>안장점</translation>
        </message>
        <message>
            <source>The loss surface L(x, y) the optimizers descend</source>
            <translation>최적화 함수들이 내려가는 손실 곡면 L(x, y)</translation>
        </message>
        <message>
            <source>▶ Play</source>
            <translation>▶ 재생</translation>
        </message>
        <message>
            <source>Start or pause the race (Space)</source>
            <translation>경주를 시작하거나 일시정지합니다(Space)</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>한 단계</translation>
        </message>
        <message>
            <source>One update of every optimizer</source>
            <translation>모든 최적화 함수를 한 번씩 갱신합니다</translation>
        </message>
        <message>
            <source>⟲ Reset</source>
            <translation>⟲ 초기화</translation>
        </message>
        <message>
            <source>Back to the start point</source>
            <translation>출발점으로 돌아갑니다</translation>
        </message>
        <message>
            <source>Speed: updates per frame (25 frames per second)</source>
            <translation>속도: 프레임당 갱신 횟수(초당 25프레임)</translation>
        </message>
        <message>
            <source>speed</source>
            <translation>속도</translation>
        </message>
        <message>
            <source>Number of updates in the race</source>
            <translation>경주에서 갱신할 횟수</translation>
        </message>
        <message>
            <source>steps</source>
            <translation>단계 수</translation>
        </message>
        <message>
            <source>Updates done so far / in the race</source>
            <translation>지금까지 갱신한 횟수 / 전체 횟수</translation>
        </message>
        <message>
            <source>surface</source>
            <translation>곡면</translation>
        </message>
        <message>
            <source>Wheel: zoom · drag: pan · right-click: view menu</source>
            <translation>휠: 확대/축소 · 끌기: 이동 · 오른쪽 클릭: 보기 메뉴</translation>
        </message>
        <message>
            <source>The surface's formula; ★ is its minimum, □ the start</source>
            <translation>곡면의 식. ★는 최솟값, □는 출발점입니다</translation>
        </message>
        <message>
            <source>Optimizers</source>
            <translation>최적화 함수</translation>
        </message>
        <message>
            <source>Tick to race; the learning rate of each optimizer</source>
            <translation>경주에 참가할 최적화 함수를 고르고 각각의 학습률을 정하세요</translation>
        </message>
        <message>
            <source>learning rate</source>
            <translation>학습률</translation>
        </message>
        <message>
            <source>now</source>
            <translation>현재</translation>
        </message>
        <message>
            <source>Show {name}'s path</source>
            <translation>{name}의 경로를 보여 줍니다</translation>
        </message>
        <message>
            <source>Learning rate of {name} (handout default {d})</source>
            <translation>{name}의 학습률(교재 기본값 {d})</translation>
        </message>
        <message>
            <source>Loss L at {name}'s current point</source>
            <translation>{name}의 현재 위치에서의 손실 L</translation>
        </message>
        <message>
            <source>Handout rates</source>
            <translation>교재 학습률</translation>
        </message>
        <message>
            <source>The handouts' default learning rates</source>
            <translation>교재의 기본 학습률로 설정합니다</translation>
        </message>
        <message>
            <source>Suggested rates</source>
            <translation>추천 학습률</translation>
        </message>
        <message>
            <source>Learning rates that make a good race on this surface</source>
            <translation>이 곡면에서 경주가 잘 보이는 학습률로 설정합니다</translation>
        </message>
        <message>
            <source>{name}:  {formula}</source>
            <translation>{name}:  {formula}</translation>
        </message>
        <message>
            <source>diverged at step {k}</source>
            <translation>{k}단계에서 발산</translation>
        </message>
        <message>
            <source>The learning rate is too large for this surface: the steps overshoot and grow</source>
            <translation>이 곡면에는 학습률이 너무 큽니다. 한 걸음이 최솟값을 지나치며 점점 커집니다</translation>
        </message>
        <message>
            <source>L = {v}</source>
            <translation>L = {v}</translation>
        </message>
        <message>
            <source>L = {v} at ({x}, {y})</source>
            <translation>({x}, {y})에서 L = {v}</translation>
        </message>
        <message>
            <source>step {k} / {n}</source>
            <translation>{k} / {n}단계</translation>
        </message>
        <message>
            <source>❚❚ Pause</source>
            <translation>❚❚ 일시정지</translation>
        </message>
    </context>
    <context>
        <name>OutputsPanel</name>
        <message>
            <source>The network's answer for the current input</source>
            <translation>현재 입력에 대한 신경망의 답</translation>
        </message>
        <message>
            <source>output</source>
            <translation>출력</translation>
        </message>
        <message>
            <source>Each output neuron's weighted sum a and output y</source>
            <translation>출력 뉴런별 가중합 a와 출력 y</translation>
        </message>
        <message>
            <source>Probabilities (softmax)</source>
            <translation>확률 (소프트맥스)</translation>
        </message>
        <message>
            <source>Compare with the textbook softmax</source>
            <translation>원래 소프트맥스 식과 비교</translation>
        </message>
        <message>
            <source>Show softmax computed as e^a / Σ e^a, which overflows for large a, beside the stable e^(a − max a) / Σ e^(a − max a) the network uses</source>
            <translation>a가 크면 오버플로가 나는 원래 식 e^a / Σ e^a의 소프트맥스를, 신경망이 쓰는 개선된 식 e^(a − max a) / Σ e^(a − max a)의 결과 옆에 보여 줍니다</translation>
        </message>
        <message>
            <source>Textbook e^a / Σ e^a: {y}</source>
            <translation>원래 식 e^a / Σ e^a: {y}</translation>
        </message>
        <message>
            <source>Max subtracted e^(a − max a) / Σ e^(a − max a): {y}</source>
            <translation>최댓값을 뺀 식 e^(a − max a) / Σ e^(a − max a): {y}</translation>
        </message>
        <message>
            <source>y = {y}  →  class {k}</source>
            <translation>y = {y}  →  클래스 {k}</translation>
        </message>
        <message>
            <source>predicted class: {k}</source>
            <translation>예측 클래스: {k}</translation>
        </message>
        <message>
            <source>(label {d})</source>
            <translation>(정답 {d})</translation>
        </message>
        <message>
            <source>nan (overflow: e^{a} = ∞)</source>
            <translation>nan (오버플로: e^{a} = ∞)</translation>
        </message>
    </context>
    <context>
        <name>PadCanvas</name>
        <message>
            <source>Draw a digit with the mouse (hold the left button)</source>
            <translation>마우스로 숫자를 그리세요(왼쪽 버튼을 누른 채로)</translation>
        </message>
    </context>
    <context>
        <name>PlotCommon</name>
        <message>
            <source>epochs</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>samples seen</source>
            <translation>학습한 샘플 수</translation>
        </message>
        <message>
            <source>Plot against completed epochs or against the number of training samples seen</source>
            <translation>가로축을 마친 에포크 수 또는 학습한 샘플 수로 정합니다</translation>
        </message>
        <message>
            <source>x axis:</source>
            <translation>가로축:</translation>
        </message>
    </context>
    <context>
        <name>PlotExport</name>
        <message>
            <source>Export…</source>
            <translation>내보내기…</translation>
        </message>
        <message>
            <source>PNG image</source>
            <translation>PNG 이미지</translation>
        </message>
        <message>
            <source>SVG drawing</source>
            <translation>SVG 벡터 그림</translation>
        </message>
        <message>
            <source>CSV numbers</source>
            <translation>CSV 숫자 표</translation>
        </message>
        <message>
            <source>Width of the picture, whatever the size of the panel</source>
            <translation>그림의 너비 (패널 크기와 상관없음)</translation>
        </message>
        <message>
            <source>Height of the picture, whatever the size of the panel</source>
            <translation>그림의 높이 (패널 크기와 상관없음)</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>형식:</translation>
        </message>
        <message>
            <source>Width:</source>
            <translation>너비:</translation>
        </message>
        <message>
            <source>Height:</source>
            <translation>높이:</translation>
        </message>
        <message>
            <source>Save…</source>
            <translation>저장…</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG 이미지 (*.png)</translation>
        </message>
        <message>
            <source>SVG drawing (*.svg)</source>
            <translation>SVG 그림 (*.svg)</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV 표 (*.csv)</translation>
        </message>
        <message>
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <source>Could not write {path}</source>
            <translation>{path}에 쓸 수 없습니다</translation>
        </message>
        <message>
            <source>The file could not be written: {why}</source>
            <translation>파일을 쓸 수 없습니다: {why}</translation>
        </message>
    </context>
    <context>
        <name>Presentation</name>
        <message>
            <source>&amp;Presentation Mode</source>
            <translation>발표 모드(&amp;P)</translation>
        </message>
        <message>
            <source>Full screen with large text: only the network, the explanation and the lesson's plot (F5; Esc leaves)</source>
            <translation>큰 글자로 전체 화면: 신경망, 설명, 수업의 그래프만 보입니다 (F5, Esc로 나가기)</translation>
        </message>
        <message>
            <source>Leave presentation mode</source>
            <translation>발표 모드 나가기</translation>
        </message>
        <message>
            <source>&amp;Text Size</source>
            <translation>글자 크기(&amp;T)</translation>
        </message>
        <message>
            <source>{p} %</source>
            <translation>{p} %</translation>
        </message>
        <message>
            <source>Text, network and plots at {p} % (stored)</source>
            <translation>글자, 신경망, 그래프를 {p} %로 표시합니다 (저장됨)</translation>
        </message>
    </context>
    <context>
        <name>PretrainedNetwork</name>
        <message>
            <source>The pretrained network is not installed yet: it will be trained from MNIST as soon as the images are loaded.</source>
            <translation>학습된 신경망이 아직 설치되지 않았습니다. MNIST 이미지를 불러오는 대로 학습합니다.</translation>
        </message>
        <message>
            <source>Preparing the pretrained network… {p} (random weights until it is ready)</source>
            <translation>학습된 신경망을 준비하는 중… {p} (준비될 때까지는 무작위 가중치)</translation>
        </message>
        <message>
            <source>The pretrained network is ready: test accuracy {a}</source>
            <translation>학습된 신경망이 준비되었습니다: 테스트 정답률 {a}</translation>
        </message>
        <message>
            <source>The pretrained network is ready (test accuracy {a}); reopen the lesson to use it.</source>
            <translation>학습된 신경망이 준비되었습니다 (테스트 정답률 {a}). 레슨을 다시 열면 이 신경망을 씁니다.</translation>
        </message>
        <message>
            <source>The pretrained network could not be prepared: {m}</source>
            <translation>학습된 신경망을 준비할 수 없습니다: {m}</translation>
        </message>
    </context>
    <context>
        <name>ProbabilityBars</name>
        <message>
            <source>Softmax output: the probability of each class</source>
            <translation>소프트맥스 출력: 각 클래스의 확률</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>Folder</source>
            <comment>All other platforms</comment>
            <translation>폴더</translation>
        </message>
        <message>
            <source>Drive</source>
            <translation>드라이브</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>찾는 위치(&amp;L):</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>파일 형식(&amp;T):</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>Discard</source>
            <translation>저장 안 함</translation>
        </message>
    </context>
    <context>
        <name>RegularisationPanel</name>
        <message>
            <source>Weight decay and dropout</source>
            <translation>가중치 감쇠와 드롭아웃</translation>
        </message>
        <message>
            <source>Keep the weights small or the neurons independent, so the network generalises instead of memorising</source>
            <translation>가중치를 작게 유지하거나 뉴런끼리 의존하지 않게 해서, 신경망이 외우지 않고 일반화하도록 합니다</translation>
        </message>
        <message>
            <source>L1 decay λ₁: adds λ₁·sign(w) to each weight's gradient, pushing unneeded weights to exactly 0 (biases are not decayed). 0 = off</source>
            <translation>L1 감쇠 λ₁: 각 가중치의 기울기에 λ₁·sign(w)를 더해 필요 없는 가중치를 정확히 0으로 만듭니다(바이어스는 감쇠하지 않음). 0 = 끔</translation>
        </message>
        <message>
            <source>L1 λ₁</source>
            <translation>L1 λ₁</translation>
        </message>
        <message>
            <source>L2 decay λ₂ (weight decay): adds λ₂·w to each weight's gradient (loss + λ₂/2·|W|²), shrinking every weight a little at each update. 0 = off</source>
            <translation>L2 감쇠 λ₂(가중치 감쇠): 각 가중치의 기울기에 λ₂·w를 더해(손실 + λ₂/2·|W|²) 갱신할 때마다 모든 가중치를 조금씩 줄입니다. 0 = 끔</translation>
        </message>
        <message>
            <source>L2 λ₂</source>
            <translation>L2 λ₂</translation>
        </message>
        <message>
            <source>one dropout rate for all hidden layers</source>
            <translation>모든 은닉층에 같은 드롭아웃 비율</translation>
        </message>
        <message>
            <source>Checked: one rate for every hidden layer; unchecked: a rate per hidden layer</source>
            <translation>선택: 모든 은닉층에 비율 하나, 해제: 은닉층마다 따로</translation>
        </message>
        <message>
            <source>Early stopping</source>
            <translation>조기 종료</translation>
        </message>
        <message>
            <source>Hold out part of the training set, watch its loss, and stop when it no longer improves</source>
            <translation>학습 데이터 일부를 떼어 두고 그 손실을 지켜보다가 더 나아지지 않으면 멈춥니다</translation>
        </message>
        <message>
            <source>none</source>
            <translation>없음</translation>
        </message>
        <message>
            <source>Share of the training samples held out for validation: never trained on, shown as the validation curve. Changing it restarts the run</source>
            <translation>검증용으로 떼어 둘 학습 샘플의 비율: 학습에는 쓰지 않고 검증 곡선으로 보여 줍니다. 바꾸면 실행을 다시 시작합니다</translation>
        </message>
        <message>
            <source>validation split</source>
            <translation>검증 데이터 비율</translation>
        </message>
        <message>
            <source>off</source>
            <translation>끔</translation>
        </message>
        <message>
            <source> epochs</source>
            <translation> 에포크</translation>
        </message>
        <message>
            <source>Stop after this many epochs without a lower validation loss, and go back to the best epoch's weights (0 = off)</source>
            <translation>검증 손실이 이 에포크 수 동안 낮아지지 않으면 멈추고 가장 좋았던 에포크의 가중치로 돌아갑니다(0 = 끔)</translation>
        </message>
        <message>
            <source>patience</source>
            <translation>참을성</translation>
        </message>
        <message>
            <source>Apply and restart</source>
            <translation>적용하고 다시 시작</translation>
        </message>
        <message>
            <source>Hold out the new validation split and start the run again from its initial weights (the training set changes, so the curves start again)</source>
            <translation>새 검증 데이터를 떼어 두고 초기 가중치에서 실행을 다시 시작합니다(학습 데이터가 바뀌므로 곡선도 처음부터)</translation>
        </message>
        <message>
            <source>Learning-rate schedule</source>
            <translation>학습률 스케줄</translation>
        </message>
        <message>
            <source>How the learning rate changes from epoch to epoch; the base rate η is set under Hyper-parameters</source>
            <translation>에포크마다 학습률이 바뀌는 방식. 기본 학습률 η는 하이퍼파라미터에서 정합니다</translation>
        </message>
        <message>
            <source>constant: η</source>
            <translation>일정: η</translation>
        </message>
        <message>
            <source>step decay: η·γ^⌊e/s⌋</source>
            <translation>계단식 감쇠: η·γ^⌊e/s⌋</translation>
        </message>
        <message>
            <source>exponential: η·γ^e</source>
            <translation>지수 감쇠: η·γ^e</translation>
        </message>
        <message>
            <source>cosine: down to η_min</source>
            <translation>코사인: η_min까지</translation>
        </message>
        <message>
            <source>Learning rate of epoch e: constant, divided by γ every s epochs, multiplied by γ every epoch, or half a cosine from η to η_min over the run</source>
            <translation>에포크 e의 학습률: 일정, s 에포크마다 γ를 곱함, 에포크마다 γ를 곱함, 또는 실행 전체에 걸쳐 η에서 η_min까지 코사인 반 주기</translation>
        </message>
        <message>
            <source>schedule</source>
            <translation>스케줄</translation>
        </message>
        <message>
            <source>s: the learning rate is multiplied by γ every s epochs</source>
            <translation>s: s 에포크마다 학습률에 γ를 곱합니다</translation>
        </message>
        <message>
            <source>γ: the factor applied at each decay (1 = no decay)</source>
            <translation>γ: 감쇠할 때마다 곱하는 값(1 = 감쇠 없음)</translation>
        </message>
        <message>
            <source>η_min: the learning rate at the last epoch</source>
            <translation>η_min: 마지막 에포크의 학습률</translation>
        </message>
        <message>
            <source>every s epochs</source>
            <translation>s 에포크마다</translation>
        </message>
        <message>
            <source>factor γ</source>
            <translation>곱하는 값 γ</translation>
        </message>
        <message>
            <source>η_min</source>
            <translation>η_min</translation>
        </message>
        <message>
            <source>The learning rate the next updates use (live while training)</source>
            <translation>다음 갱신에 쓰는 학습률(학습 중 실시간)</translation>
        </message>
        <message>
            <source>Data augmentation (images)</source>
            <translation>데이터 증강 (이미지)</translation>
        </message>
        <message>
            <source>Each epoch trains on new randomly moved and noisy copies of the images: more variety, same labels</source>
            <translation>에포크마다 이미지를 랜덤하게 움직이고 잡음을 더한 새 사본으로 학습합니다: 다양성은 늘고 정답은 그대로</translation>
        </message>
        <message>
            <source>Largest rotation: each image turns by a random angle within ± this</source>
            <translation>최대 회전: 각 이미지를 ± 이 각도 안에서 랜덤하게 돌립니다</translation>
        </message>
        <message>
            <source> px</source>
            <translation> 픽셀</translation>
        </message>
        <message>
            <source>Largest shift: each image moves by a random amount within ± this many pixels, across and down</source>
            <translation>최대 이동: 각 이미지를 가로, 세로로 ± 이 픽셀 수 안에서 랜덤하게 옮깁니다</translation>
        </message>
        <message>
            <source>Noise σ: Gaussian noise added to every pixel (in the inputs' units), then clipped to their range</source>
            <translation>잡음 σ: 모든 픽셀에 가우스 잡음을 더하고(입력과 같은 단위) 입력 범위로 자릅니다</translation>
        </message>
        <message>
            <source>rotation ±</source>
            <translation>회전 ±</translation>
        </message>
        <message>
            <source>shift ±</source>
            <translation>이동 ±</translation>
        </message>
        <message>
            <source>noise σ</source>
            <translation>잡음 σ</translation>
        </message>
        <message>
            <source>This lesson has nothing to train.</source>
            <translation>이 수업에는 학습할 것이 없습니다.</translation>
        </message>
        <message>
            <source>The perceptron's learning rule has no regularisation, schedule or augmentation: they come with backpropagation.</source>
            <translation>퍼셉트론의 학습 규칙에는 규제, 학습률 스케줄, 데이터 증강이 없습니다. 이것들은 오차 역전파와 함께 씁니다.</translation>
        </message>
        <message>
            <source>No hidden layer: nothing to drop out.</source>
            <translation>은닉층이 없어 드롭아웃할 것이 없습니다.</translation>
        </message>
        <message>
            <source>Dropout rate p: during training each output of this layer is set to 0 with probability p (the others are scaled by 1/(1−p)); never when evaluating. 0 = off</source>
            <translation>드롭아웃 비율 p: 학습 중에 이 층의 각 출력을 확률 p로 0으로 만듭니다(나머지는 1/(1−p)배). 평가할 때는 쓰지 않습니다. 0 = 끔</translation>
        </message>
        <message>
            <source>dropout, all hidden layers</source>
            <translation>드롭아웃, 모든 은닉층</translation>
        </message>
        <message>
            <source>dropout, hidden layer {n}</source>
            <translation>드롭아웃, 은닉층 {n}</translation>
        </message>
        <message>
            <source>η now: {lr} (epoch {e})</source>
            <translation>현재 η: {lr} (에포크 {e})</translation>
        </message>
        <message>
            <source>The learning rate the next updates use (live while training): {v}</source>
            <translation>다음 갱신에 쓰는 학습률(학습 중 실시간): {v}</translation>
        </message>
        <message>
            <source>A new validation split changes the training set: press "Apply and restart" (the run starts again).</source>
            <translation>검증 데이터 비율을 바꾸면 학습 데이터가 바뀝니다. "적용하고 다시 시작"을 누르세요(실행이 처음부터 다시 시작됩니다).</translation>
        </message>
        <message>
            <source>Early stopping needs a validation split.</source>
            <translation>조기 종료에는 검증 데이터가 필요합니다.</translation>
        </message>
    </context>
    <context>
        <name>RunComparison</name>
        <message>
            <source>samples seen</source>
            <translation>학습한 샘플 수</translation>
        </message>
        <message>
            <source>Remove</source>
            <extracomment>the runs shown: the lesson model's history (its current lesson), or a history of this view's own when it runs alone</extracomment>
            <translation>빼기</translation>
        </message>
        <message>
            <source>Remove the selected run from the comparison</source>
            <translation>고른 실행을 비교에서 뺍니다</translation>
        </message>
        <message>
            <source>Clear all</source>
            <translation>모두 지우기</translation>
        </message>
        <message>
            <source>Remove every run from the comparison</source>
            <translation>비교에서 모든 실행을 뺍니다</translation>
        </message>
        <message>
            <source>Save the curves as PNG or SVG, or the runs' numbers as CSV</source>
            <translation>곡선을 PNG나 SVG로, 실행별 숫자를 CSV로 저장합니다</translation>
        </message>
        <message>
            <source>No runs kept yet: finish a run and keep it to compare it here.</source>
            <translation>아직 남긴 실행이 없습니다. 실행을 끝까지 마치면 여기에서 비교할 수 있습니다.</translation>
        </message>
        <message>
            <source>Runs appear here when you keep them</source>
            <translation>남긴 실행이 여기에 나타납니다</translation>
        </message>
        <message>
            <source>Wheel: zoom · drag: pan · right-click: view menu</source>
            <translation>휠: 확대/축소 · 끌기: 이동 · 오른쪽 클릭: 보기 메뉴</translation>
        </message>
        <message>
            <source>test loss</source>
            <translation>테스트 손실</translation>
        </message>
        <message>
            <source>test accuracy</source>
            <translation>테스트 정답률</translation>
        </message>
        <message>
            <source>Each kept run's hyper-parameters and final results; select a row to highlight its curves</source>
            <translation>남긴 실행별 하이퍼파라미터와 최종 결과. 행을 고르면 그 곡선이 강조됩니다</translation>
        </message>
        <message>
            <source>epoch</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>final test loss</source>
            <translation>최종 테스트 손실</translation>
        </message>
        <message>
            <source>final test accuracy</source>
            <translation>최종 테스트 정답률</translation>
        </message>
        <message>
            <source>best test accuracy</source>
            <translation>최고 테스트 정답률</translation>
        </message>
        <message>
            <source>run</source>
            <translation>실행</translation>
        </message>
        <message>
            <source>Export the comparison</source>
            <translation>비교 내보내기</translation>
        </message>
        <message>
            <source>optimizer</source>
            <translation>최적화 함수</translation>
        </message>
        <message>
            <source>learning rate η</source>
            <translation>학습률 η</translation>
        </message>
        <message>
            <source>batch size</source>
            <translation>배치 크기</translation>
        </message>
        <message>
            <source>loss function</source>
            <translation>손실 함수</translation>
        </message>
        <message>
            <source>random seed</source>
            <translation>난수 시드</translation>
        </message>
        <message>
            <source>epochs</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>momentum β</source>
            <translation>모멘텀 계수 β</translation>
        </message>
        <message>
            <source>β₁</source>
            <translation>β₁</translation>
        </message>
        <message>
            <source>β₂</source>
            <translation>β₂</translation>
        </message>
        <message>
            <source>ε</source>
            <translation>ε</translation>
        </message>
        <message>
            <source>decay ρ</source>
            <translation>감쇠율 ρ</translation>
        </message>
        <message>
            <source>activation</source>
            <translation>활성화 함수</translation>
        </message>
        <message>
            <source>weight decay λ</source>
            <translation>가중치 감쇠 λ</translation>
        </message>
        <message>
            <source>dropout</source>
            <translation>드롭아웃</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>예</translation>
        </message>
        <message>
            <source>no</source>
            <translation>아니요</translation>
        </message>
    </context>
    <context>
        <name>RunControls</name>
        <message>
            <source>Training</source>
            <extracomment>refresh choices: (unit, every); every 0 = only at the end</extracomment>
            <translation>학습</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>재생</translation>
        </message>
        <message>
            <source>Train continuously / pause after the current step (Space)</source>
            <translation>계속 학습합니다 / 현재 단계가 끝나면 일시정지합니다(Space)</translation>
        </message>
        <message>
            <source>Sample</source>
            <translation>한 샘플</translation>
        </message>
        <message>
            <source>Train on one sample and show what changed (→)</source>
            <translation>샘플 하나로 학습하고 무엇이 바뀌었는지 보여 줍니다(→)</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>한 배치</translation>
        </message>
        <message>
            <source>Train on one mini-batch: one update of the weights (Shift+→)</source>
            <translation>미니배치 하나로 학습합니다: 가중치를 한 번 갱신(Shift+→)</translation>
        </message>
        <message>
            <source>Epoch</source>
            <translation>한 에포크</translation>
        </message>
        <message>
            <source>Train on the rest of the epoch: every training sample once (Ctrl+→)</source>
            <translation>이번 에포크의 남은 부분을 학습합니다: 모든 학습 샘플을 한 번씩(Ctrl+→)</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>초기화</translation>
        </message>
        <message>
            <source>Back to this run's initial weights (the same ones, so runs can be compared) (Ctrl+R)</source>
            <translation>이번 실행의 초기 가중치로 돌아갑니다(같은 가중치라서 실행끼리 비교할 수 있습니다)(Ctrl+R)</translation>
        </message>
        <message>
            <source>New random weights</source>
            <translation>새 랜덤 가중치</translation>
        </message>
        <message>
            <source>Draw new random initial weights (the next seed) and reset</source>
            <translation>새 랜덤 초기 가중치(다음 시드)를 뽑고 초기화합니다</translation>
        </message>
        <message>
            <source> ms</source>
            <translation> ms</translation>
        </message>
        <message>
            <source>delay </source>
            <translation>지연 </translation>
        </message>
        <message>
            <source>Speed: pause after each shown step while playing (0 = as fast as possible)</source>
            <translation>속도: 재생 중 화면에 보인 단계마다 쉬는 시간(0 = 최대한 빠르게)</translation>
        </message>
        <message>
            <source>Refresh rate: how often the views follow the training while playing (fewer refreshes = faster training)</source>
            <translation>화면 갱신 빈도: 재생 중 화면이 학습을 얼마나 자주 따라갈지(갱신이 적을수록 학습이 빠름)</translation>
        </message>
        <message>
            <source>stop at epoch </source>
            <translation>멈출 에포크: </translation>
        </message>
        <message>
            <source>Playing stops after this many epochs</source>
            <translation>이 에포크 수에 이르면 재생이 멈춥니다</translation>
        </message>
        <message>
            <source>stop at accuracy </source>
            <translation>멈출 정답률: </translation>
        </message>
        <message>
            <source>stop at accuracy: off</source>
            <translation>멈출 정답률: 끔</translation>
        </message>
        <message>
            <source>Playing stops once the test accuracy reaches this (0 = off)</source>
            <translation>테스트 정답률이 이 값에 이르면 재생이 멈춥니다(0 = 끔)</translation>
        </message>
        <message>
            <source>Completed epochs (rounds) and samples trained since the start (or the last reset)</source>
            <translation>시작(또는 마지막 초기화) 뒤 마친 에포크(라운드) 수와 학습한 샘플 수</translation>
        </message>
        <message>
            <source>refresh: only at the end</source>
            <translation>화면 갱신: 끝날 때만</translation>
        </message>
        <message>
            <source>every sample</source>
            <translation>샘플마다</translation>
        </message>
        <message>
            <source>every {n} samples</source>
            <translation>샘플 {n}개마다</translation>
        </message>
        <message>
            <source>every batch</source>
            <translation>배치마다</translation>
        </message>
        <message>
            <source>every {n} batches</source>
            <translation>배치 {n}개마다</translation>
        </message>
        <message>
            <source>every epoch</source>
            <translation>에포크마다</translation>
        </message>
        <message>
            <source>every {n} epochs</source>
            <translation>{n} 에포크마다</translation>
        </message>
        <message>
            <source>refresh: </source>
            <translation>화면 갱신: </translation>
        </message>
        <message>
            <source> epoch {e} · samples {n} </source>
            <translation> 에포크 {e} · 샘플 {n} </translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>일시정지</translation>
        </message>
    </context>
    <context>
        <name>RunJobs</name>
        <message>
            <source>Training stopped: the loss became NaN or infinite</source>
            <extracomment>How long closing the window or switching lessons waits for the worker (it stops between steps; one MNIST epoch step is the longest, about a second). A kernel compile cannot be interrupted and may take longer: such a thread is parked (:func:`park`), never destroyed. threads that did not stop in time, with their workers, kept alive until they end</extracomment>
            <translation>학습이 멈췄습니다: 손실이 NaN 또는 무한대가 되었습니다</translation>
        </message>
        <message>
            <source>All {n} epochs are done</source>
            <translation>{n} 에포크를 모두 마쳤습니다</translation>
        </message>
        <message>
            <source>Early stopping: the validation loss has not improved for {n} epochs; the weights are back to the best epoch's</source>
            <translation>조기 종료: 검증 손실이 {n} 에포크 동안 나아지지 않아 가장 좋았던 에포크의 가중치로 돌아갔습니다</translation>
        </message>
        <message>
            <source>Stopped: the accuracy reached the goal</source>
            <translation>멈춤: 정답률이 목표에 이르렀습니다</translation>
        </message>
        <message>
            <source>Paused at epoch {e}, {n} samples</source>
            <translation>일시정지: 에포크 {e}, 샘플 {n}개</translation>
        </message>
        <message>
            <source>Training failed: {e}</source>
            <translation>학습 실패: {e}</translation>
        </message>
    </context>
    <context>
        <name>SampleBrowser</name>
        <message>
            <source>Test images: label → prediction (red = wrong). Click one to feed it to the network.</source>
            <translation>테스트 이미지: 정답 → 예측(빨강 = 오답). 누르면 그 이미지를 신경망에 입력합니다.</translation>
        </message>
        <message>
            <source>All test images</source>
            <translation>모든 테스트 이미지</translation>
        </message>
        <message>
            <source>Misclassified (most confident first)</source>
            <translation>잘못 분류된 이미지(확신이 큰 순서)</translation>
        </message>
        <message>
            <source>One digit</source>
            <translation>숫자 하나</translation>
        </message>
        <message>
            <source>Confusion cell</source>
            <translation>혼동 행렬의 칸</translation>
        </message>
        <message>
            <source>Which test images to show</source>
            <translation>보여 줄 테스트 이미지</translation>
        </message>
        <message>
            <source>The digit to show (true label)</source>
            <translation>보여 줄 숫자(정답 기준)</translation>
        </message>
        <message>
            <source>How many images the filter shows</source>
            <translation>필터에 맞는 이미지 수</translation>
        </message>
        <message>
            <source>Why no images are shown</source>
            <translation>이미지가 보이지 않는 이유</translation>
        </message>
        <message>
            <source>Confusion cell: label {t}, predicted {p}</source>
            <translation>혼동 행렬의 칸: 정답 {t}, 예측 {p}</translation>
        </message>
        <message>
            <source>{n} of {total}</source>
            <translation>{total}장 중 {n}장</translation>
        </message>
        <message>
            <source>Evaluating the network … the filter applies when the predictions are known.</source>
            <translation>신경망을 평가하는 중 … 예측이 나오면 필터가 적용됩니다.</translation>
        </message>
        <message>
            <source>No test image matches this filter.</source>
            <translation>이 필터에 맞는 테스트 이미지가 없습니다.</translation>
        </message>
    </context>
    <context>
        <name>SavedWork</name>
        <message>
            <source>The saved network does not fit this lesson's data.</source>
            <translation>저장된 신경망이 이 수업의 데이터와 맞지 않습니다.</translation>
        </message>
        <message>
            <source>Restored: epoch {e}, {n} samples, {k} points on the curves</source>
            <translation>복원했습니다: 에포크 {e}, 샘플 {n}개, 곡선의 점 {k}개</translation>
        </message>
        <message>
            <source>The lesson {id} no longer exists; only the network was restored.</source>
            <translation>수업 {id}이(가) 더는 없어서 신경망만 복원했습니다.</translation>
        </message>
    </context>
    <context>
        <name>SettingsGuard</name>
        <message>
            <source>The settings file {path} could not be used ({why}). It was moved to {bad} and nnviz starts with the default settings (language, window layout, recent files).</source>
            <translation>설정 파일 {path}을(를) 사용할 수 없습니다({why}). 파일을 {bad}(으)로 옮겼고, nnviz는 기본 설정(언어, 창 배치, 최근 파일)으로 시작합니다.</translation>
        </message>
        <message>
            <source>The settings file {path} could not be used ({why}) and could not be moved; nnviz ignores it and starts with the default settings.</source>
            <translation>설정 파일 {path}을(를) 사용할 수 없고({why}) 옮길 수도 없습니다. nnviz는 이 파일을 무시하고 기본 설정으로 시작합니다.</translation>
        </message>
        <message>
            <source>Settings reset</source>
            <translation>설정을 초기화했습니다</translation>
        </message>
    </context>
    <context>
        <name>SpecChecks</name>
        <message>
            <source>The learning rate must be greater than 0 and at most 1000 (you typed {v:g}).</source>
            <translation>학습률은 0보다 크고 1000 이하여야 합니다(입력한 값: {v:g}).</translation>
        </message>
        <message>
            <source>A layer needs between 1 and {n} neurons.</source>
            <translation>한 층의 뉴런 수는 1개 이상 {n}개 이하여야 합니다.</translation>
        </message>
        <message>
            <source>This network would have {n:,} parameters; nnviz allows at most {m:,} (it would not fit in memory). Use fewer or smaller layers.</source>
            <translation>이 신경망의 매개변수는 {n:,}개가 됩니다. nnviz는 최대 {m:,}개까지만 허용합니다(메모리에 들어가지 않음). 층의 수나 크기를 줄이세요.</translation>
        </message>
        <message>
            <source>The batch size {b} is larger than the {n} training samples: using {n} (one update per epoch).</source>
            <translation>배치 크기 {b}이(가) 학습 샘플 수 {n}보다 큽니다. {n}(으)로 학습합니다(에포크당 갱신 한 번).</translation>
        </message>
        <message>
            <source>Not applied: {e}</source>
            <translation>적용하지 않았습니다: {e}</translation>
        </message>
    </context>
    <context>
        <name>StartUp</name>
        <message>
            <source>No such lesson</source>
            <translation>그런 수업이 없습니다</translation>
        </message>
        <message>
            <source>There is no lesson called “{name}”.</source>
            <translation>“{name}”이라는 수업이 없습니다.</translation>
        </message>
        <message>
            <source>The lessons are: {ids}</source>
            <translation>수업 목록: {ids}</translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>열 수 없습니다</translation>
        </message>
        <message>
            <source>There is no file {path}.</source>
            <translation>{path} 파일이 없습니다.</translation>
        </message>
    </context>
    <context>
        <name>StepDetail</name>
        <message>
            <source>The handout's round table: every sample as the perceptron rule W ← W + η(d − y)·x trains on it</source>
            <extracomment>lines kept in the round table (older ones scroll away) numbers shown per vector in the MLP detail (wide layers are cut with "…") largest weight changes listed per step</extracomment>
            <translation>교재의 라운드 표: 퍼셉트론 규칙 W ← W + η(d − y)·x가 각 샘플로 학습하는 과정</translation>
        </message>
        <message>
            <source>The last sample of the step: forward values, loss, each layer's δ and the largest weight changes</source>
            <translation>이번 단계의 마지막 샘플: 순전파 값, 손실, 층별 δ, 가장 크게 바뀐 가중치</translation>
        </message>
        <message>
            <source>round</source>
            <translation>라운드</translation>
        </message>
        <message>
            <source>error d−y</source>
            <translation>오차 d−y</translation>
        </message>
        <message>
            <source>Step through the training (→ one sample, Shift+→ one batch, Ctrl+→ one epoch) to see what each step changes.</source>
            <translation>학습을 한 단계씩 진행하면(→ 한 샘플, Shift+→ 한 배치, Ctrl+→ 한 에포크) 각 단계에서 무엇이 바뀌는지 보입니다.</translation>
        </message>
        <message>
            <source>after round {r}: accuracy {a}</source>
            <translation>{r}라운드 후: 정답률 {a}</translation>
        </message>
        <message>
            <source>Accuracy of the weights after the round on every training sample</source>
            <translation>라운드가 끝난 뒤의 가중치로 모든 학습 샘플을 평가한 정답률</translation>
        </message>
        <message>
            <source>Last sample of the step</source>
            <translation>이번 단계의 마지막 샘플</translation>
        </message>
        <message>
            <source>input x</source>
            <translation>입력 x</translation>
        </message>
        <message>
            <source>target t</source>
            <translation>정답 t</translation>
        </message>
        <message>
            <source>output y</source>
            <translation>출력 y</translation>
        </message>
        <message>
            <source>loss L</source>
            <translation>손실 L</translation>
        </message>
        <message>
            <source>Deltas δ = ∂L/∂a per layer (before the update)</source>
            <translation>층별 델타 δ = ∂L/∂a (갱신 전)</translation>
        </message>
        <message>
            <source>Largest weight changes in this step</source>
            <translation>이번 단계에서 가장 크게 바뀐 가중치</translation>
        </message>
    </context>
    <context>
        <name>StepEditor</name>
        <message>
            <source>Lowercase letters, digits, - and _; unique in the guide (the student's progress remembers it)</source>
            <translation>영어 소문자, 숫자, -와 _. 가이드 안에서 겹치지 않아야 합니다(학생의 진행 상황이 이 이름을 기억합니다)</translation>
        </message>
        <message>
            <source>Title in English</source>
            <translation>제목(영어)</translation>
        </message>
        <message>
            <source>Title in Korean</source>
            <translation>제목(한국어)</translation>
        </message>
        <message>
            <source>What the student reads, in English</source>
            <translation>학생이 읽을 설명(영어)</translation>
        </message>
        <message>
            <source>What the student reads, in Korean</source>
            <translation>학생이 읽을 설명(한국어)</translation>
        </message>
        <message>
            <source>English</source>
            <translation>영어</translation>
        </message>
        <message>
            <source>Korean</source>
            <translation>한국어</translation>
        </message>
        <message>
            <source>Step id</source>
            <translation>단계 이름</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>제목</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>설명</translation>
        </message>
        <message>
            <source>The task, in English</source>
            <translation>과제(영어)</translation>
        </message>
        <message>
            <source>The task, in Korean</source>
            <translation>과제(한국어)</translation>
        </message>
        <message>
            <source>Next opens once the check passes</source>
            <translation>확인을 통과하면 다음 ▶ 버튼이 열림</translation>
        </message>
        <message>
            <source>Next is always open (the task is a suggestion)</source>
            <translation>다음 ▶ 버튼이 항상 열림 (과제는 제안)</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>과제</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>확인</translation>
        </message>
        <message>
            <source>Task text</source>
            <translation>과제 설명</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>다음 단계</translation>
        </message>
        <message>
            <source>Keep the lesson's layout</source>
            <translation>수업의 배치 그대로</translation>
        </message>
        <message>
            <source>The lesson's own controls</source>
            <translation>수업의 컨트롤 그대로</translation>
        </message>
        <message>
            <source>keep the input</source>
            <translation>입력 그대로</translation>
        </message>
        <message>
            <source>The data row fed in when the step opens (0-based: a gate's rows 0 = (0, 0) … 3 = (1, 1))</source>
            <translation>단계가 열릴 때 넣을 데이터 행 (0부터: 게이트의 행 0 = (0, 0) … 3 = (1, 1))</translation>
        </message>
        <message>
            <source>Start the run again from its initial weights</source>
            <translation>학습을 초기 가중치에서 다시 시작</translation>
        </message>
        <message>
            <source>Use the weights on screen</source>
            <translation>지금 화면의 가중치 쓰기</translation>
        </message>
        <message>
            <source>The step sets the weights and biases the network has now</source>
            <translation>이 단계가 지금 신경망의 가중치와 바이어스를 설정합니다</translation>
        </message>
        <message>
            <source>Keep the weights</source>
            <translation>가중치 그대로</translation>
        </message>
        <message>
            <source>The step does not change the weights</source>
            <translation>이 단계는 가중치를 바꾸지 않습니다</translation>
        </message>
        <message>
            <source>When the step opens</source>
            <translation>단계가 열릴 때</translation>
        </message>
        <message>
            <source>Panels shown</source>
            <translation>보일 패널</translation>
        </message>
        <message>
            <source>Controls enabled</source>
            <translation>쓸 수 있는 컨트롤</translation>
        </message>
        <message>
            <source>Input row</source>
            <translation>입력 행</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>가중치</translation>
        </message>
        <message>
            <source>The step keeps the weights as they are.</source>
            <translation>이 단계는 가중치를 그대로 둡니다.</translation>
        </message>
        <message>
            <source>The step sets {arrays}.</source>
            <translation>이 단계에서 설정하는 가중치: {arrays}.</translation>
        </message>
    </context>
    <context>
        <name>StepHistory</name>
        <message>
            <source>1 epoch</source>
            <translation>에포크 1회</translation>
        </message>
        <message>
            <source>1 batch</source>
            <translation>배치 1개</translation>
        </message>
        <message>
            <source>1 sample</source>
            <translation>샘플 1개</translation>
        </message>
        <message>
            <source>{n} samples</source>
            <translation>샘플 {n}개</translation>
        </message>
    </context>
    <context>
        <name>TrainingPlots</name>
        <message>
            <source>samples seen</source>
            <translation>학습한 샘플 수</translation>
        </message>
        <message>
            <source>log loss</source>
            <translation>로그 손실</translation>
        </message>
        <message>
            <source>Logarithmic loss axis: small losses stay visible</source>
            <translation>손실 축을 로그 눈금으로: 작은 손실도 잘 보입니다</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>맞추기</translation>
        </message>
        <message>
            <source>Show all the points again after zooming or panning</source>
            <translation>확대하거나 이동한 뒤 모든 점을 다시 보여 줍니다</translation>
        </message>
        <message>
            <source>Save the curves as a PNG or SVG picture, or their numbers as CSV</source>
            <translation>곡선을 PNG나 SVG 그림으로, 숫자를 CSV로 저장합니다</translation>
        </message>
        <message>
            <source>Wheel: zoom · drag: pan · right-click: view menu</source>
            <translation>휠: 확대/축소 · 끌기: 이동 · 오른쪽 클릭: 보기 메뉴</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>손실</translation>
        </message>
        <message>
            <source>accuracy</source>
            <translation>정답률</translation>
        </message>
        <message>
            <source>train</source>
            <translation>학습</translation>
        </message>
        <message>
            <source>test</source>
            <translation>테스트</translation>
        </message>
        <message>
            <source>early stop</source>
            <translation>조기 종료</translation>
        </message>
        <message>
            <source>This lesson computes with the weights it is given; there is nothing to train, so no curves.</source>
            <translation>이 수업은 주어진 가중치로 계산만 합니다. 학습할 것이 없으므로 곡선도 없습니다.</translation>
        </message>
        <message>
            <source>Press Play (Space) or step (→) and the loss and accuracy curves are drawn here.</source>
            <translation>재생(Space)을 누르거나 한 단계씩(→) 진행하면 여기에 손실과 정답률 곡선이 그려집니다.</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>검증</translation>
        </message>
        <message>
            <source>epoch</source>
            <translation>에포크</translation>
        </message>
        <message>
            <source>epoch {e} · {s} samples</source>
            <translation>에포크 {e} · 샘플 {s}개</translation>
        </message>
        <message>
            <source>train loss {a}   test loss {b}</source>
            <translation>학습 손실 {a}   테스트 손실 {b}</translation>
        </message>
        <message>
            <source>   validation loss {v}</source>
            <translation>   검증 손실 {v}</translation>
        </message>
        <message>
            <source>train accuracy {a}   test accuracy {b}</source>
            <translation>학습 정답률 {a}   테스트 정답률 {b}</translation>
        </message>
        <message>
            <source>   validation accuracy {v}</source>
            <translation>   검증 정답률 {v}</translation>
        </message>
        <message>
            <source>Export the curves</source>
            <translation>곡선 내보내기</translation>
        </message>
    </context>
    <context>
        <name>TrainingRun</name>
        <message>
            <source>This lesson has nothing to train.</source>
            <extracomment>a play's snapshot interval meaning "only at the end" run settings a saved session restores (and their checks) the trainer's state the next step starts from, as last reported (a TrainerCheckpoint; None: a fresh optimizer) — the explained step shows momentum/Adam with this state</extracomment>
            <translation>이 수업에는 학습할 것이 없습니다.</translation>
        </message>
        <message>
            <source>The lesson's data is not loaded yet.</source>
            <translation>수업의 데이터를 아직 불러오지 않았습니다.</translation>
        </message>
        <message>
            <source>Cannot train this network: {e}</source>
            <translation>이 신경망은 학습할 수 없습니다: {e}</translation>
        </message>
        <message>
            <source>All {n} epochs are done: raise the number of epochs or reset.</source>
            <translation>{n} 에포크를 모두 마쳤습니다. 에포크 수를 늘리거나 초기화하세요.</translation>
        </message>
        <message>
            <source>Training …</source>
            <translation>학습 중 …</translation>
        </message>
        <message>
            <source>Reset to the initial weights</source>
            <translation>초기 가중치로 초기화했습니다</translation>
        </message>
        <message>
            <source>New random initial weights (seed {s})</source>
            <translation>새 랜덤 초기 가중치(시드 {s})</translation>
        </message>
        <message>
            <source>Back to the last good weights; learning rate {lr:g}</source>
            <translation>마지막 정상 가중치로 되돌렸습니다. 학습률 {lr:g}</translation>
        </message>
        <message>
            <source>New validation split: the run starts again</source>
            <translation>새 검증 데이터: 실행을 다시 시작합니다</translation>
        </message>
    </context>
    <context>
        <name>TrainingWorker</name>
        <message>
            <source>The optimizer was changed since that step: its state starts fresh</source>
            <extracomment>rows kept when snapshots are merged (the perceptron's round tables) longest wait for the GUI to take a snapshot before training on (seconds) least training time between two snapshots, so a slow redraw cannot starve the training most snapshots per second: above the 30 fps a live refresh at every sample must reach (issue 18); the GUI's acknowledgement, not this cap, is what paces a slow redraw</extracomment>
            <translation>그 단계 뒤에 최적화 기법이 바뀌었습니다: 최적화 기법의 상태는 처음부터 다시 시작합니다</translation>
        </message>
        <message>
            <source>Loading the training kernels …</source>
            <translation>학습 커널을 불러오는 중 …</translation>
        </message>
        <message>
            <source>Kernels compiled ({s:.1f} s)</source>
            <translation>커널 컴파일 완료 ({s:.1f}초)</translation>
        </message>
        <message>
            <source>Kernels loaded ({s:.1f} s)</source>
            <translation>커널을 불러왔습니다 ({s:.1f}초)</translation>
        </message>
    </context>
    <context>
        <name>WeightEditor</name>
        <message>
            <source>Which layer's weight matrix W and bias b to edit</source>
            <translation>고칠 층의 가중치 행렬 W와 바이어스 b</translation>
        </message>
        <message>
            <source>Rows: inputs of the layer (last row: bias). Columns: its neurons.
Double-click or type to edit; Ctrl+V pastes a block copied from a spreadsheet.</source>
            <translation>행: 층의 입력(마지막 행: 바이어스). 열: 층의 뉴런.
더블클릭하거나 바로 입력해서 고치세요. Ctrl+V로 스프레드시트에서 복사한 블록을 붙여넣을 수 있습니다.</translation>
        </message>
        <message>
            <source>Why the last entry was refused</source>
            <translation>마지막 입력이 거부된 이유</translation>
        </message>
        <message>
            <source>Fill</source>
            <translation>채우기</translation>
        </message>
        <message>
            <source>Fill this layer's weights with an initialisation scheme (seeded)</source>
            <translation>이 층의 가중치를 초기화 방법으로 채웁니다(시드 사용)</translation>
        </message>
        <message>
            <source>Uniform in [−1, 1] (the perceptron handout)</source>
            <translation>[−1, 1] 균등 분포(퍼셉트론 교재)</translation>
        </message>
        <message>
            <source>Standard normal N(0, 1)</source>
            <translation>표준 정규 분포 N(0, 1)</translation>
        </message>
        <message>
            <source>Small normal N(0, 0.05²) (Keras' default in the AND example)</source>
            <translation>작은 정규 분포 N(0, 0.05²)(AND 예제의 케라스 기본값)</translation>
        </message>
        <message>
            <source>Xavier/Glorot: uniform in ±√(6 / (n_in + n_out))</source>
            <translation>Xavier/Glorot: ±√(6 / (n_in + n_out)) 균등 분포</translation>
        </message>
        <message>
            <source>He: normal N(0, 2 / n_in)</source>
            <translation>He: 정규 분포 N(0, 2 / n_in)</translation>
        </message>
        <message>
            <source>randn / √(n_in / 2), as in the MNIST handout's code</source>
            <translation>randn / √(n_in / 2), MNIST 교재의 코드와 같음</translation>
        </message>
        <message>
            <source>Zero</source>
            <translation>0으로</translation>
        </message>
        <message>
            <source>Set every weight and bias of this layer to 0</source>
            <translation>이 층의 모든 가중치와 바이어스를 0으로 설정합니다</translation>
        </message>
        <message>
            <source>Randomise</source>
            <translation>랜덤</translation>
        </message>
        <message>
            <source>Uniform random weights in [−1, 1] with the seed</source>
            <translation>시드를 써서 [−1, 1] 균등 분포의 랜덤 가중치로 채웁니다</translation>
        </message>
        <message>
            <source>seed </source>
            <translation>시드 </translation>
        </message>
        <message>
            <source>Seed of Fill and Randomise: the same seed gives the same numbers</source>
            <translation>채우기와 랜덤에 쓰는 시드: 시드가 같으면 숫자도 같습니다</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>붙여넣기</translation>
        </message>
        <message>
            <source>Paste a tab-separated block at the selected cell (Ctrl+V)</source>
            <translation>탭으로 구분된 블록을 고른 칸에 붙여넣습니다(Ctrl+V)</translation>
        </message>
        <message>
            <source>Layer {l}: {name}  ({r} × {c})</source>
            <translation>{l}층: {name}  ({r} × {c})</translation>
        </message>
        <message>
            <source>Paste refused, not a finite number at {where}; nothing was changed.</source>
            <translation>붙여넣기 거부: {where}의 값이 유한한 숫자가 아닙니다. 아무것도 바뀌지 않았습니다.</translation>
        </message>
        <message>
            <source>Paste a {r} × {c} block</source>
            <translation>{r} × {c} 블록 붙여넣기</translation>
        </message>
    </context>
    <context>
        <name>WeightImages</name>
        <message>
            <source>Same scale for all units</source>
            <translation>모든 뉴런에 같은 눈금</translation>
        </message>
        <message>
            <source>On: colours comparable between units. Off: each unit on its own scale, so every pattern is visible.</source>
            <translation>켜기: 뉴런끼리 색을 비교할 수 있습니다. 끄기: 뉴런마다 자기 눈금을 써서 모든 무늬가 잘 보입니다.</translation>
        </message>
        <message>
            <source>What the tiles show</source>
            <translation>타일이 보여 주는 것</translation>
        </message>
        <message>
            <source>The weight shown at full colour</source>
            <translation>가장 진한 색으로 표시되는 가중치</translation>
        </message>
        <message>
            <source>Hidden unit {k}: its 784 weights as a 28 × 28 image; full colour at |w| = {s}. Click to inspect it.</source>
            <translation>은닉 뉴런 {k}: 가중치 784개를 28 × 28 이미지로 표시, |w| = {s}에서 가장 진한 색. 누르면 자세히 봅니다.</translation>
        </message>
        <message>
            <source>Layer 1: {n} hidden units, each seeing the 28 × 28 input through its weights</source>
            <translation>1층: 은닉 뉴런 {n}개, 각각 자기 가중치로 28 × 28 입력을 봅니다</translation>
        </message>
        <message>
            <source>Weight images need an MNIST lesson (784 inputs).</source>
            <translation>가중치 이미지는 MNIST 수업(입력 784개)에서 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>±{s}</source>
            <translation>±{s}</translation>
        </message>
        <message>
            <source>each unit: ±max |w|</source>
            <translation>뉴런마다: ±max |w|</translation>
        </message>
    </context>
    <context>
        <name>_Legend</name>
        <message>
            <source>Orange: negative weight · white: about 0 · blue: positive</source>
            <translation>주황: 음수 가중치 · 흰색: 0 근처 · 파랑: 양수</translation>
        </message>
    </context>
    <context>
        <name>_Mosaic</name>
        <message>
            <source>Each tile: one hidden unit's weights from the 784 pixels</source>
            <translation>타일 하나: 784개 픽셀에서 은닉 뉴런 하나로 가는 가중치</translation>
        </message>
    </context>
    <context>
        <name>_SampleModel</name>
        <message>
            <source>Test image #{i}: label {t} (not evaluated yet)</source>
            <translation>테스트 이미지 #{i}: 정답 {t} (아직 평가 전)</translation>
        </message>
        <message>
            <source>Test image #{i}: label {t}, predicted {p} (output {c:.3f}). Click to make it the network's input.</source>
            <translation>테스트 이미지 #{i}: 정답 {t}, 예측 {p} (출력 {c:.3f}). 누르면 신경망의 입력이 됩니다.</translation>
        </message>
    </context>
</TS>
