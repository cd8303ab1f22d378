<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
    <context>
        <name>ActivationGallery</name>
        <message>
            <source>step</source>
            <extracomment>The elementwise functions, in the order the handouts introduce them. α slider range (low, high, step) of each activation that has one. Ten distinct colours: the shared palette, then black and brown.</extracomment>
            <translation>step</translation>
        </message>
        <message>
            <source>sigmoid</source>
            <translation>sigmoid</translation>
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
            <translation>leaky ReLU</translation>
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
            <translation>swish</translation>
        </message>
        <message>
            <source>softplus</source>
            <translation>softplus</translation>
        </message>
        <message>
            <source>identity</source>
            <translation>identity</translation>
        </message>
        <message>
            <source>Tick the functions to draw; they are overlaid</source>
            <translation>Tick the functions to draw; they are overlaid</translation>
        </message>
        <message>
            <source>α</source>
            <translation>α</translation>
        </message>
        <message>
            <source>The slope or scale α of the functions that have one</source>
            <translation>The slope or scale α of the functions that have one</translation>
        </message>
        <message>
            <source>α of {name}: drag to change the curve</source>
            <translation>α of {name}: drag to change the curve</translation>
        </message>
        <message>
            <source>The formulas of the functions drawn, and the largest value of each derivative</source>
            <translation>The formulas of the functions drawn, and the largest value of each derivative</translation>
        </message>
        <message>
            <source>Functions</source>
            <translation>Functions</translation>
        </message>
        <message>
            <source>Wheel: zoom · drag: pan · right-click: view menu</source>
            <translation>Wheel: zoom · drag: pan · right-click: view menu</translation>
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
            <translation>softmax of a vector</translation>
        </message>
        <message>
            <source>exp(aₖ)/Σ exp(aᵢ) computed as written (naive) and after subtracting the largest aᵢ (stable)</source>
            <translation>exp(aₖ)/Σ exp(aᵢ) computed as written (naive) and after subtracting the largest aᵢ (stable)</translation>
        </message>
        <message>
            <source>Type numbers separated by commas, e.g. 1010, 1000, 990 or 0.3, 2.9, 4.0; Enter to compute</source>
            <translation>Type numbers separated by commas, e.g. 1010, 1000, 990 or 0.3, 2.9, 4.0; Enter to compute</translation>
        </message>
        <message>
            <source>Grey: naive formula (NaN when exp overflows) · blue: stable softmax</source>
            <translation>Grey: naive formula (NaN when exp overflows) · blue: stable softmax</translation>
        </message>
        <message>
            <source>Both results, 4 significant digits; NaN is what overflowing exp gives</source>
            <translation>Both results, 4 significant digits; NaN is what overflowing exp gives</translation>
        </message>
        <message>
            <source>maxout: the larger of two lines</source>
            <translation>maxout: the larger of two lines</translation>
        </message>
        <message>
            <source>Thin: the two linear pieces · thick: their maximum, the maxout unit's output</source>
            <translation>Thin: the two linear pieces · thick: their maximum, the maxout unit's output</translation>
        </message>
        <message>
            <source>max</source>
            <translation>max</translation>
        </message>
        <message>
            <source>max {v}</source>
            <translation>max {v}</translation>
        </message>
        <message>
            <source>largest h′ of {name}: {v} at a = {a}</source>
            <translation>largest h′ of {name}: {v} at a = {a}</translation>
        </message>
        <message>
            <source>, α = {a}</source>
            <translation>, α = {a}</translation>
        </message>
        <message>
            <source>&amp;nbsp;&amp;nbsp;max h′ = {v}</source>
            <translation>&amp;nbsp;&amp;nbsp;max h′ = {v}</translation>
        </message>
        <message>
            <source>Type numbers separated by commas.</source>
            <translation>Type numbers separated by commas.</translation>
        </message>
        <message>
            <source>NaN</source>
            <translation>NaN</translation>
        </message>
        <message>
            <source>naive: {n}</source>
            <translation>naive: {n}</translation>
        </message>
        <message>
            <source>stable: {s}</source>
            <translation>stable: {s}</translation>
        </message>
    </context>
    <context>
        <name>AugmentStrip</name>
        <message>
            <source>original</source>
            <translation>original</translation>
        </message>
        <message>
            <source>Training images as stored in the data set</source>
            <translation>Training images as stored in the data set</translation>
        </message>
        <message>
            <source>augmented</source>
            <translation>augmented</translation>
        </message>
        <message>
            <source>The same images with this epoch's kind of random rotation, shift and noise</source>
            <translation>The same images with this epoch's kind of random rotation, shift and noise</translation>
        </message>
        <message>
            <source>New examples</source>
            <translation>New examples</translation>
        </message>
        <message>
            <source>Draw new random transformations of the same images</source>
            <translation>Draw new random transformations of the same images</translation>
        </message>
        <message>
            <source>The training images are not loaded yet.</source>
            <translation>The training images are not loaded yet.</translation>
        </message>
        <message>
            <source>No augmentation: the network sees the images as stored.</source>
            <translation>No augmentation: the network sees the images as stored.</translation>
        </message>
    </context>
    <context>
        <name>AutosaveManager</name>
        <message>
            <source>Session opened</source>
            <translation>Session opened</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>The weights have changed since they were last saved.</source>
            <translation>The weights have changed since they were last saved.</translation>
        </message>
        <message>
            <source>Save them before going on?</source>
            <translation>Save them before going on?</translation>
        </message>
        <message>
            <source>Another nnviz is running: this one does not autosave.</source>
            <translation>Another nnviz is running: this one does not autosave.</translation>
        </message>
        <message>
            <source>Restore your work?</source>
            <translation>Restore your work?</translation>
        </message>
        <message>
            <source>nnviz did not close properly last time. Restore the work saved automatically (lesson, weights, hyper-parameters and curves)?</source>
            <translation>nnviz did not close properly last time. Restore the work saved automatically (lesson, weights, hyper-parameters and curves)?</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Discard</translation>
        </message>
        <message>
            <source>Autosave works again.</source>
            <translation>Autosave works again.</translation>
        </message>
        <message>
            <source>Autosave failed: {e}. Your work is not being saved automatically; save it with File → Save.</source>
            <translation>Autosave failed: {e}. Your work is not being saved automatically; save it with File → Save.</translation>
        </message>
        <message>
            <source>Autosave failed</source>
            <translation>Autosave failed</translation>
        </message>
        <message>
            <source>Autosave is off</source>
            <translation>Autosave is off</translation>
        </message>
        <message>
            <source>The autosave could not be read</source>
            <translation>The autosave could not be read</translation>
        </message>
        <message>
            <source>Autosave is off: {e}</source>
            <translation>Autosave is off: {e}</translation>
        </message>
        <message>
            <source>The work saved automatically before nnviz last stopped could not be read ({e}). The file was kept as {path}; nnviz starts without it.</source>
            <translation>The work saved automatically before nnviz last stopped could not be read ({e}). The file was kept as {path}; nnviz starts without it.</translation>
        </message>
        <message>
            <source>Cannot open the lesson</source>
            <translation>Cannot open the lesson</translation>
        </message>
        <message>
            <source>Lesson opened</source>
            <translation>Lesson opened</translation>
        </message>
        <message>
            <source>Opened the lesson {name}</source>
            <translation>Opened the lesson {name}</translation>
        </message>
        <message>
            <source>The lesson {id} does not exist in this nnviz.</source>
            <translation>The lesson {id} does not exist in this nnviz.</translation>
        </message>
        <message>
            <source>{name} cannot be opened: {why}</source>
            <translation>{name} cannot be opened: {why}</translation>
        </message>
        <message>
            <source>Its guide does not fit the lesson: {e}</source>
            <translation>Its guide does not fit the lesson: {e}</translation>
        </message>
    </context>
    <context>
        <name>CanvasItems</name>
        <message>
            <source>This neuron's output over the input plane (blue &gt; 0 &gt; orange)</source>
            <translation>This neuron's output over the input plane (blue &gt; 0 &gt; orange)</translation>
        </message>
    </context>
    <context>
        <name>CheckEditor</name>
        <message>
            <source>No task (Next is always open)</source>
            <translation>No task (Next is always open)</translation>
        </message>
        <message>
            <source>What the app checks to know the task is done</source>
            <translation>What the app checks to know the task is done</translation>
        </message>
        <message>
            <source>A list of checks in the guide format (see the README): each an object with its "kind" and parameters.</source>
            <translation>A list of checks in the guide format (see the README): each an object with its "kind" and parameters.</translation>
        </message>
        <message>
            <source>Fields marked * are required.</source>
            <translation>Fields marked * are required.</translation>
        </message>
        <message>
            <source>Give at least one of: {names}.</source>
            <translation>Give at least one of: {names}.</translation>
        </message>
        <message>
            <source>(not set)</source>
            <translation>(not set)</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
    </context>
    <context>
        <name>ComputationGraphView</name>
        <message>
            <source>data {v}</source>
            <translation>data {v}</translation>
        </message>
        <message>
            <source>grad {g}</source>
            <translation>grad {g}</translation>
        </message>
        <message>
            <source>This lesson does not train: L is the squared error (MSE), for comparison.</source>
            <translation>This lesson does not train: L is the squared error (MSE), for comparison.</translation>
        </message>
        <message>
            <source>No lesson is open.</source>
            <translation>No lesson is open.</translation>
        </message>
        <message>
            <source>The computational graph is drawn for small networks (at most {n} neurons and {p} parameters: one neuron, the perceptron, XOR). This network has {k} neurons and {q} parameters; its graph would be too large to read. The explained step shows the same numbers.</source>
            <translation>The computational graph is drawn for small networks (at most {n} neurons and {p} parameters: one neuron, the perceptron, XOR). This network has {k} neurons and {q} parameters; its graph would be too large to read. The explained step shows the same numbers.</translation>
        </message>
        <message>
            <source>Choose a row of the data: the graph needs an input and its target.</source>
            <translation>Choose a row of the data: the graph needs an input and its target.</translation>
        </message>
        <message>
            <source>The perceptron learns by its own rule Δw = η·(d − y)·x; the step function's h′ is 0, so these gradients are 0.</source>
            <translation>The perceptron learns by its own rule Δw = η·(d − y)·x; the step function's h′ is 0, so these gradients are 0.</translation>
        </message>
        <message>
            <source>The graph cannot be drawn here: {e}</source>
            <translation>The graph cannot be drawn here: {e}</translation>
        </message>
    </context>
    <context>
        <name>ConfusionView</name>
        <message>
            <source>Not evaluated yet</source>
            <translation>Not evaluated yet</translation>
        </message>
        <message>
            <source>Accuracy [정답률] on the test images: right answers (the diagonal) divided by all images</source>
            <translation>Accuracy [정답률] on the test images: right answers (the diagonal) divided by all images</translation>
        </message>
        <message>
            <source>Evaluate</source>
            <translation>Evaluate</translation>
        </message>
        <message>
            <source>Classify the test images now, 100 at a time (batch processing as in handout 003)</source>
            <translation>Classify the test images now, 100 at a time (batch processing as in handout 003)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Stop the evaluation</source>
            <translation>Stop the evaluation</translation>
        </message>
        <message>
            <source>Test images classified so far</source>
            <translation>Test images classified so far</translation>
        </message>
        <message>
            <source>acc.</source>
            <translation>acc.</translation>
        </message>
        <message>
            <source>Rows: the true digit; columns: the network's answer. Click a cell to see those test images.</source>
            <translation>Rows: the true digit; columns: the network's answer. Click a cell to see those test images.</translation>
        </message>
        <message>
            <source>predicted {p}</source>
            <translation>predicted {p}</translation>
        </message>
        <message>
            <source>Accuracy per true digit: its diagonal count / its row's sum</source>
            <translation>Accuracy per true digit: its diagonal count / its row's sum</translation>
        </message>
        <message>
            <source>true label {t}</source>
            <translation>true label {t}</translation>
        </message>
        <message>
            <source>rows: true label · columns: predicted</source>
            <translation>rows: true label · columns: predicted</translation>
        </message>
        <message>
            <source>How to read the matrix</source>
            <translation>How to read the matrix</translation>
        </message>
        <message>
            <source>{n} test images of digit {t} classified as {p} (click to show them)</source>
            <translation>{n} test images of digit {t} classified as {p} (click to show them)</translation>
        </message>
        <message>
            <source>Digit {t}: {k} of {n} right = {a}</source>
            <translation>Digit {t}: {k} of {n} right = {a}</translation>
        </message>
        <message>
            <source>Accuracy {acc} ({k} of {n} test images)</source>
            <translation>Accuracy {acc} ({k} of {n} test images)</translation>
        </message>
        <message>
            <source>Accuracy = {a} (right answers / test images)</source>
            <translation>Accuracy = {a} (right answers / test images)</translation>
        </message>
        <message>
            <source>Choose an MNIST lesson and load its data.</source>
            <translation>Choose an MNIST lesson and load its data.</translation>
        </message>
        <message>
            <source>{done} / {total} images</source>
            <translation>{done} / {total} images</translation>
        </message>
        <message>
            <source>Evaluation failed: {m}</source>
            <translation>Evaluation failed: {m}</translation>
        </message>
        <message>
            <source>rows: true label · columns: predicted — the weights changed; the matrix updates when they stop changing</source>
            <translation>rows: true label · columns: predicted — the weights changed; the matrix updates when they stop changing</translation>
        </message>
    </context>
    <context>
        <name>CrashHandler</name>
        <message>
            <source>Something went wrong</source>
            <translation>Something went wrong</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>Copy the details to the clipboard (to send them to your teacher)</source>
            <translation>Copy the details to the clipboard (to send them to your teacher)</translation>
        </message>
        <message>
            <source>nnviz hit an error it did not expect. Your work is still open; saving it now is a good idea.</source>
            <translation>nnviz hit an error it did not expect. Your work is still open; saving it now is a good idea.</translation>
        </message>
        <message>
            <source>

{n} more errors happened since the last report (see the log).</source>
            <translation>

{n} more errors happened since the last report (see the log).</translation>
        </message>
        <message>
            <source>{summary}

The details were written to {path}</source>
            <translation>{summary}

The details were written to {path}</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>Completed epochs (passes over the training set)</source>
            <translation>Completed epochs (passes over the training set)</translation>
        </message>
        <message>
            <source>Training samples seen since the start of the run</source>
            <translation>Training samples seen since the start of the run</translation>
        </message>
        <message>
            <source>The learning rate in use now (it follows the schedule)</source>
            <translation>The learning rate in use now (it follows the schedule)</translation>
        </message>
        <message>
            <source>Loss on the training set · the validation split · the test set (– = no validation split)</source>
            <translation>Loss on the training set · the validation split · the test set (– = no validation split)</translation>
        </message>
        <message>
            <source>Accuracy on the training set · the validation split · the test set</source>
            <translation>Accuracy on the training set · the validation split · the test set</translation>
        </message>
        <message>
            <source>Seconds of training per epoch (without evaluations)</source>
            <translation>Seconds of training per epoch (without evaluations)</translation>
        </message>
        <message>
            <source>Training samples per second, over the last few seconds of training</source>
            <translation>Training samples per second, over the last few seconds of training</translation>
        </message>
        <message>
            <source>epoch {e}</source>
            <translation>epoch {e}</translation>
        </message>
        <message>
            <source>samples {n}</source>
            <translation>samples {n}</translation>
        </message>
        <message>
            <source>η {lr}</source>
            <translation>η {lr}</translation>
        </message>
        <message>
            <source>loss {a} · {b} · {c}</source>
            <translation>loss {a} · {b} · {c}</translation>
        </message>
        <message>
            <source>accuracy {a} · {b} · {c}</source>
            <translation>accuracy {a} · {b} · {c}</translation>
        </message>
        <message>
            <source>{t}/epoch</source>
            <translation>{t}/epoch</translation>
        </message>
        <message>
            <source>{n} samples/s</source>
            <translation>{n} samples/s</translation>
        </message>
    </context>
    <context>
        <name>DataDialog</name>
        <message>
            <source>MNIST data</source>
            <translation>MNIST data</translation>
        </message>
        <message>
            <source>nnviz looks for the four IDX files (train/t10k images and labels, optionally .gz) in these folders, in this order:</source>
            <translation>nnviz looks for the four IDX files (train/t10k images and labels, optionally .gz) in these folders, in this order:</translation>
        </message>
        <message>
            <source>Data set</source>
            <translation>Data set</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Where</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>Found</translation>
        </message>
        <message>
            <source>Every folder searched, and whether all four files are there</source>
            <translation>Every folder searched, and whether all four files are there</translation>
        </message>
        <message>
            <source>What happened last</source>
            <translation>What happened last</translation>
        </message>
        <message>
            <source>Download progress of the current file</source>
            <translation>Download progress of the current file</translation>
        </message>
        <message>
            <source>Download {name}</source>
            <translation>Download {name}</translation>
        </message>
        <message>
            <source>Download {name} from the public mirrors into {folder} (about 11 MB compressed; checked with SHA-256; an interrupted download resumes)</source>
            <translation>Download {name} from the public mirrors into {folder} (about 11 MB compressed; checked with SHA-256; an interrupted download resumes)</translation>
        </message>
        <message>
            <source>Use a folder…</source>
            <translation>Use a folder…</translation>
        </message>
        <message>
            <source>Pick a folder holding the four MNIST files; it is checked before it is used</source>
            <translation>Pick a folder holding the four MNIST files; it is checked before it is used</translation>
        </message>
        <message>
            <source>Use the bundled copy</source>
            <translation>Use the bundled copy</translation>
        </message>
        <message>
            <source>Use the MNIST copy shipped with the installer ({folder})</source>
            <translation>Use the MNIST copy shipped with the installer ({folder})</translation>
        </message>
        <message>
            <source>Cancel download</source>
            <translation>Cancel download</translation>
        </message>
        <message>
            <source>Stop the download; the partial file is kept and resumed next time</source>
            <translation>Stop the download; the partial file is kept and resumed next time</translation>
        </message>
        <message>
            <source>Close this window</source>
            <translation>Close this window</translation>
        </message>
        <message>
            <source>your folder</source>
            <translation>your folder</translation>
        </message>
        <message>
            <source>downloads</source>
            <translation>downloads</translation>
        </message>
        <message>
            <source>bundled</source>
            <translation>bundled</translation>
        </message>
        <message>
            <source>system package</source>
            <translation>system package</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>MNIST was not found. Download it, or use a folder that holds the four files.</source>
            <translation>MNIST was not found. Download it, or use a folder that holds the four files.</translation>
        </message>
        <message>
            <source>MNIST is ready.</source>
            <translation>MNIST is ready.</translation>
        </message>
        <message>
            <source>Connecting …</source>
            <translation>Connecting …</translation>
        </message>
        <message>
            <source>{name} downloaded and verified in {folder}.</source>
            <translation>{name} downloaded and verified in {folder}.</translation>
        </message>
        <message>
            <source>{name}: {done:.1f} of {total:.1f} MB</source>
            <translation>{name}: {done:.1f} of {total:.1f} MB</translation>
        </message>
        <message>
            <source>Downloading {name} …</source>
            <translation>Downloading {name} …</translation>
        </message>
        <message>
            <source>{name} in {folder} passed every check; nnviz will use it.</source>
            <translation>{name} in {folder} passed every check; nnviz will use it.</translation>
        </message>
        <message>
            <source>Checking {folder} …</source>
            <translation>Checking {folder} …</translation>
        </message>
        <message>
            <source>Folder with the MNIST files</source>
            <translation>Folder with the MNIST files</translation>
        </message>
        <message>
            <source>Download cancelled. The partial file is kept; downloading again resumes it.</source>
            <translation>Download cancelled. The partial file is kept; downloading again resumes it.</translation>
        </message>
        <message>
            <source>The data could not be used: {m}</source>
            <translation>The data could not be used: {m}</translation>
        </message>
    </context>
    <context>
        <name>DecisionBoundaryView</name>
        <message>
            <source>Input plane: output y</source>
            <translation>Input plane: output y</translation>
        </message>
        <message>
            <source>The network's output over the input plane (blue: class 1, orange: class 0) with the data points. Click to feed that point into the network.</source>
            <translation>The network's output over the input plane (blue: class 1, orange: class 0) with the data points. Click to feed that point into the network.</translation>
        </message>
        <message>
            <source>Hidden space (z₁, z₂)</source>
            <translation>Hidden space (z₁, z₂)</translation>
        </message>
        <message>
            <source>The same points as the hidden neurons see them: in this space one straight line separates the classes.</source>
            <translation>The same points as the hidden neurons see them: in this space one straight line separates the classes.</translation>
        </message>
        <message>
            <source>The decision boundary is drawn for lessons with two inputs and a data set.</source>
            <translation>The decision boundary is drawn for lessons with two inputs and a data set.</translation>
        </message>
    </context>
    <context>
        <name>DrawPad</name>
        <message>
            <source>What the network sees: your drawing fitted in a 20 × 20 box and centred by its centre of mass in 28 × 28 pixels, as the MNIST digits were made</source>
            <translation>What the network sees: your drawing fitted in a 20 × 20 box and centred by its centre of mass in 28 × 28 pixels, as the MNIST digits were made</translation>
        </message>
        <message>
            <source>The class with the highest output</source>
            <translation>The class with the highest output</translation>
        </message>
        <message>
            <source>The network's output for your drawing: the probability of each digit</source>
            <translation>The network's output for your drawing: the probability of each digit</translation>
        </message>
        <message>
            <source>Why there is no prediction</source>
            <translation>Why there is no prediction</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>Erase the whole drawing</source>
            <translation>Erase the whole drawing</translation>
        </message>
        <message>
            <source>Undo stroke</source>
            <translation>Undo stroke</translation>
        </message>
        <message>
            <source>Remove the last stroke</source>
            <translation>Remove the last stroke</translation>
        </message>
        <message>
            <source>Network input (28 × 28)</source>
            <translation>Network input (28 × 28)</translation>
        </message>
        <message>
            <source>Prediction: –</source>
            <translation>Prediction: –</translation>
        </message>
        <message>
            <source>Prediction: {d} ({p})</source>
            <translation>Prediction: {d} ({p})</translation>
        </message>
        <message>
            <source>Choose an MNIST lesson to see the network's prediction.</source>
            <translation>Choose an MNIST lesson to see the network's prediction.</translation>
        </message>
        <message>
            <source>Draw a digit from 0 to 9 in the box.</source>
            <translation>Draw a digit from 0 to 9 in the box.</translation>
        </message>
    </context>
    <context>
        <name>Explain</name>
        <message>
            <source>Forward pass</source>
            <translation>Forward pass</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>Loss</translation>
        </message>
        <message>
            <source>Backward pass</source>
            <translation>Backward pass</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>Update</translation>
        </message>
        <message>
            <source>Input x</source>
            <translation>Input x</translation>
        </message>
        <message>
            <source>Layer {layer}, neuron {neuron}: weighted sum a and activation z = h(a)</source>
            <translation>Layer {layer}, neuron {neuron}: weighted sum a and activation z = h(a)</translation>
        </message>
        <message>
            <source>Output neuron {neuron}: weighted sum a and output y</source>
            <translation>Output neuron {neuron}: weighted sum a and output y</translation>
        </message>
        <message>
            <source>Weighted sum a and the step function's output y</source>
            <translation>Weighted sum a and the step function's output y</translation>
        </message>
        <message>
            <source>Loss: mean squared error</source>
            <translation>Loss: mean squared error</translation>
        </message>
        <message>
            <source>Loss: binary cross-entropy</source>
            <translation>Loss: binary cross-entropy</translation>
        </message>
        <message>
            <source>Loss: categorical cross-entropy</source>
            <translation>Loss: categorical cross-entropy</translation>
        </message>
        <message>
            <source>Error of the perceptron: d − y</source>
            <translation>Error of the perceptron: d − y</translation>
        </message>
        <message>
            <source>Output neuron {neuron}: δ = ∂L/∂a</source>
            <translation>Output neuron {neuron}: δ = ∂L/∂a</translation>
        </message>
        <message>
            <source>Layer {layer}, neuron {neuron}: δ from the next layer's δ</source>
            <translation>Layer {layer}, neuron {neuron}: δ from the next layer's δ</translation>
        </message>
        <message>
            <source>Gradient of the weight {param}: ∂L/∂w = δ·z</source>
            <translation>Gradient of the weight {param}: ∂L/∂w = δ·z</translation>
        </message>
        <message>
            <source>Gradient of the bias {param}: ∂L/∂b = δ</source>
            <translation>Gradient of the bias {param}: ∂L/∂b = δ</translation>
        </message>
        <message>
            <source>Update {param} by gradient descent</source>
            <translation>Update {param} by gradient descent</translation>
        </message>
        <message>
            <source>Update {param} with momentum</source>
            <translation>Update {param} with momentum</translation>
        </message>
        <message>
            <source>Update {param} with Nesterov momentum (NAG)</source>
            <translation>Update {param} with Nesterov momentum (NAG)</translation>
        </message>
        <message>
            <source>Update {param} with Adagrad</source>
            <translation>Update {param} with Adagrad</translation>
        </message>
        <message>
            <source>Update {param} with RMSProp</source>
            <translation>Update {param} with RMSProp</translation>
        </message>
        <message>
            <source>Update {param} with Adam</source>
            <translation>Update {param} with Adam</translation>
        </message>
        <message>
            <source>Perceptron rule for {param}</source>
            <translation>Perceptron rule for {param}</translation>
        </message>
        <message>
            <source>{shown} of {count} terms are written out; the other {rest} add up to the number in brackets, {rest_sum}.</source>
            <translation>{shown} of {count} terms are written out; the other {rest} add up to the number in brackets, {rest_sum}.</translation>
        </message>
        <message>
            <source>One path from the loss back to {param}: its gradient is a product</source>
            <translation>One path from the loss back to {param}: its gradient is a product</translation>
        </message>
        <message>
            <source>{paths} paths from the loss back to {param}: its gradient is a sum of products</source>
            <translation>{paths} paths from the loss back to {param}: its gradient is a sum of products</translation>
        </message>
        <message>
            <source>{where}: {activation} is saturated, h′ = {value} almost stops the gradient (vanishing gradient)</source>
            <translation>{where}: {activation} is saturated, h′ = {value} almost stops the gradient (vanishing gradient)</translation>
        </message>
        <message>
            <source>{where}: dead ReLU (a ≤ 0), h′ = 0 lets no gradient through</source>
            <translation>{where}: dead ReLU (a ≤ 0), h′ = 0 lets no gradient through</translation>
        </message>
        <message>
            <source>{where}: {activation} has h′ = 0 here and lets no gradient through</source>
            <translation>{where}: {activation} has h′ = 0 here and lets no gradient through</translation>
        </message>
        <message>
            <source>{where} = 0: this sample gives the weight no gradient</source>
            <translation>{where} = 0: this sample gives the weight no gradient</translation>
        </message>
        <message>
            <source>On every path to {param} the {count} factors h′ multiply to at most {value}: the gradient shrinks layer by layer (vanishing gradient)</source>
            <translation>On every path to {param} the {count} factors h′ multiply to at most {value}: the gradient shrinks layer by layer (vanishing gradient)</translation>
        </message>
    </context>
    <context>
        <name>ExplainedStepPanel</name>
        <message>
            <source>◀ Prev</source>
            <translation>◀ Prev</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>Next ▶</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Play</translation>
        </message>
        <message>
            <source>{s} s per item</source>
            <translation>{s} s per item</translation>
        </message>
        <message>
            <source>How long auto-play shows each item</source>
            <translation>How long auto-play shows each item</translation>
        </message>
        <message>
            <source>No step to explain.</source>
            <translation>No step to explain.</translation>
        </message>
        <message>
            <source>{i} of {n}</source>
            <translation>{i} of {n}</translation>
        </message>
        <message>
            <source>The run averages the gradients of {n} samples per update; this is the step of the one sample fed in.</source>
            <translation>The run averages the gradients of {n} samples per update; this is the step of the one sample fed in.</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
    </context>
    <context>
        <name>ExplainedStepState</name>
        <message>
            <source>The step cannot be explained here: {e}</source>
            <translation>The step cannot be explained here: {e}</translation>
        </message>
        <message>
            <source>No lesson is open.</source>
            <translation>No lesson is open.</translation>
        </message>
        <message>
            <source>This lesson trains nothing, so there is no training step to explain. Open a lesson that trains (the perceptron, XOR with backpropagation, MNIST).</source>
            <translation>This lesson trains nothing, so there is no training step to explain. Open a lesson that trains (the perceptron, XOR with backpropagation, MNIST).</translation>
        </message>
        <message>
            <source>Choose a row of the data (or a test image): the step needs an input and its target.</source>
            <translation>Choose a row of the data (or a test image): the step needs an input and its target.</translation>
        </message>
    </context>
    <context>
        <name>ExplanationPanel</name>
        <message>
            <source>What this lesson shows and the formulas behind it</source>
            <translation>What this lesson shows and the formulas behind it</translation>
        </message>
        <message>
            <source>Handout {h}</source>
            <translation>Handout {h}</translation>
        </message>
        <message>
            <source>The network</source>
            <translation>The network</translation>
        </message>
        <message>
            <source>Neurons per layer: {sizes}</source>
            <translation>Neurons per layer: {sizes}</translation>
        </message>
        <message>
            <source>with bias</source>
            <translation>with bias</translation>
        </message>
        <message>
            <source>no bias</source>
            <translation>no bias</translation>
        </message>
        <message>
            <source>Layer {l}: 1 neuron, {act}, {bias}</source>
            <translation>Layer {l}: 1 neuron, {act}, {bias}</translation>
        </message>
        <message>
            <source>Layer {l}: {n} neurons, {act}, {bias}</source>
            <translation>Layer {l}: {n} neurons, {act}, {bias}</translation>
        </message>
        <message>
            <source>Training (next step)</source>
            <translation>Training (next step)</translation>
        </message>
        <message>
            <source>loss {loss}, optimizer {opt}, learning rate {lr}, batch {b}, epochs {ep}</source>
            <translation>loss {loss}, optimizer {opt}, learning rate {lr}, batch {b}, epochs {ep}</translation>
        </message>
        <message>
            <source>Numbers to look for</source>
            <translation>Numbers to look for</translation>
        </message>
    </context>
    <context>
        <name>FileReading</name>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Reading a file</source>
            <translation>Reading a file</translation>
        </message>
        <message>
            <source>This file could not be read: {name}
{why}

The current lesson is unchanged.</source>
            <translation>This file could not be read: {name}
{why}

The current lesson is unchanged.</translation>
        </message>
        <message>
            <source>another file is still being read</source>
            <translation>another file is still being read</translation>
        </message>
        <message>
            <source>Reading {name} …</source>
            <translation>Reading {name} …</translation>
        </message>
    </context>
    <context>
        <name>GradientNormPlot</name>
        <message>
            <source>Gradient norm |∂L/∂W| of each layer</source>
            <translation>Gradient norm |∂L/∂W| of each layer</translation>
        </message>
        <message>
            <source>Small norms in the first layers mean those layers barely learn: the vanishing gradient</source>
            <extracomment>PReLU layers' |∂L/∂α|: column 0 samples, then one per layer in ``alpha_layers``</extracomment>
            <translation>Small norms in the first layers mean those layers barely learn: the vanishing gradient</translation>
        </message>
        <message>
            <source>Keep as reference</source>
            <translation>Keep as reference</translation>
        </message>
        <message>
            <source>Keep this run's curves, dashed, to compare with the next run (e.g. sigmoid, then ReLU)</source>
            <translation>Keep this run's curves, dashed, to compare with the next run (e.g. sigmoid, then ReLU)</translation>
        </message>
        <message>
            <source>Drop reference</source>
            <translation>Drop reference</translation>
        </message>
        <message>
            <source>Remove the dashed reference curves</source>
            <translation>Remove the dashed reference curves</translation>
        </message>
        <message>
            <source>Save the plot as PNG or SVG, or the norms as CSV</source>
            <translation>Save the plot as PNG or SVG, or the norms as CSV</translation>
        </message>
        <message>
            <source>Wheel: zoom · drag: pan · right-click: view menu</source>
            <translation>Wheel: zoom · drag: pan · right-click: view menu</translation>
        </message>
        <message>
            <source>|∂L/∂W| (log scale)</source>
            <translation>|∂L/∂W| (log scale)</translation>
        </message>
        <message>
            <source>samples seen</source>
            <translation>samples seen</translation>
        </message>
        <message>
            <source>{label} (dashed)</source>
            <translation>{label} (dashed)</translation>
        </message>
        <message>
            <source>previous run</source>
            <translation>previous run</translation>
        </message>
        <message>
            <source>layer {k}</source>
            <translation>layer {k}</translation>
        </message>
        <message>
            <source>α of layer {k}</source>
            <translation>α of layer {k}</translation>
        </message>
        <message>
            <source>layer {k}: {v}</source>
            <translation>layer {k}: {v}</translation>
        </message>
        <message>
            <source>{s} samples</source>
            <translation>{s} samples</translation>
        </message>
        <message>
            <source>Export the gradient norms</source>
            <translation>Export the gradient norms</translation>
        </message>
    </context>
    <context>
        <name>GradientTraceState</name>
        <message>
            <source>This weight cannot be traced here: {e}</source>
            <translation>This weight cannot be traced here: {e}</translation>
        </message>
        <message>
            <source>No lesson is open.</source>
            <translation>No lesson is open.</translation>
        </message>
        <message>
            <source>Choose a weight or a bias to trace.</source>
            <translation>Choose a weight or a bias to trace.</translation>
        </message>
        <message>
            <source>This lesson has no loss, so no gradient flows back to its weights.</source>
            <translation>This lesson has no loss, so no gradient flows back to its weights.</translation>
        </message>
        <message>
            <source>Choose a row of the data (or a test image): the gradient needs an input and its target.</source>
            <translation>Choose a row of the data (or a test image): the gradient needs an input and its target.</translation>
        </message>
    </context>
    <context>
        <name>GradientTracerPanel</name>
        <message>
            <source>weight w</source>
            <translation>weight w</translation>
        </message>
        <message>
            <source>bias b</source>
            <translation>bias b</translation>
        </message>
        <message>
            <source>The neuron the weight comes from (1 = the first)</source>
            <translation>The neuron the weight comes from (1 = the first)</translation>
        </message>
        <message>
            <source>The neuron the weight goes into (1 = the first)</source>
            <translation>The neuron the weight goes into (1 = the first)</translation>
        </message>
        <message>
            <source>from</source>
            <translation>from</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Trace</source>
            <translation>Trace</translation>
        </message>
        <message>
            <source>The paths from the loss back to the weight, the largest products first</source>
            <translation>The paths from the loss back to the weight, the largest products first</translation>
        </message>
        <message>
            <source>factor</source>
            <translation>factor</translation>
        </message>
        <message>
            <source>value</source>
            <translation>value</translation>
        </message>
        <message>
            <source>what it does</source>
            <translation>what it does</translation>
        </message>
        <message>
            <source>The backward pass's own lines: ∂L/∂w = z·δ and δ = h′·Σ w·δ, with the numbers</source>
            <translation>The backward pass's own lines: ∂L/∂w = z·δ and δ = h′·Σ w·δ, with the numbers</translation>
        </message>
        <message>
            <source>layer {l}</source>
            <translation>layer {l}</translation>
        </message>
        <message>
            <source>The gradient the backward pass computes for this sample</source>
            <translation>The gradient the backward pass computes for this sample</translation>
        </message>
        <message>
            <source>path {k}: product {v}</source>
            <translation>path {k}: product {v}</translation>
        </message>
        <message>
            <source>One path: the product of its factors is the gradient, {g}.</source>
            <translation>One path: the product of its factors is the gradient, {g}.</translation>
        </message>
        <message>
            <source>The table shows one of {n} paths ({k} strongest in the list). The sum of all {n} products is {s}, the gradient ∂L/∂{w} = {g}.</source>
            <translation>The table shows one of {n} paths ({k} strongest in the list). The sum of all {n} products is {s}, the gradient ∂L/∂{w} = {g}.</translation>
        </message>
        <message>
            <source>… and {n} more factors like these</source>
            <translation>… and {n} more factors like these</translation>
        </message>
        <message>
            <source>… {n} more δ lines (one per neuron after it)</source>
            <translation>… {n} more δ lines (one per neuron after it)</translation>
        </message>
        <message>
            <source>product</source>
            <translation>product</translation>
        </message>
        <message>
            <source>this path's share of the gradient</source>
            <translation>this path's share of the gradient</translation>
        </message>
        <message>
            <source>the input the weight multiplies</source>
            <translation>the input the weight multiplies</translation>
        </message>
        <message>
            <source>a weight on the way back</source>
            <translation>a weight on the way back</translation>
        </message>
        <message>
            <source>the activation's slope h′(a)</source>
            <translation>the activation's slope h′(a)</translation>
        </message>
        <message>
            <source>how the loss changes with the output</source>
            <translation>how the loss changes with the output</translation>
        </message>
        <message>
            <source>the output's error δ</source>
            <translation>the output's error δ</translation>
        </message>
    </context>
    <context>
        <name>GuideCheckEditor</name>
        <message>
            <source>Truth table: every output is right</source>
            <translation>Truth table: every output is right</translation>
        </message>
        <message>
            <source>A layer's values on every row</source>
            <translation>A layer's values on every row</translation>
        </message>
        <message>
            <source>The selected input is classified right or wrong</source>
            <translation>The selected input is classified right or wrong</translation>
        </message>
        <message>
            <source>The drawn digit is read as</source>
            <translation>The drawn digit is read as</translation>
        </message>
        <message>
            <source>One weight or bias within a range</source>
            <translation>One weight or bias within a range</translation>
        </message>
        <message>
            <source>Weights edited by hand</source>
            <translation>Weights edited by hand</translation>
        </message>
        <message>
            <source>A weight traced in the chain-rule tracer</source>
            <translation>A weight traced in the chain-rule tracer</translation>
        </message>
        <message>
            <source>An input row is selected</source>
            <translation>An input row is selected</translation>
        </message>
        <message>
            <source>A neuron is selected</source>
            <translation>A neuron is selected</translation>
        </message>
        <message>
            <source>Accuracy within a range</source>
            <translation>Accuracy within a range</translation>
        </message>
        <message>
            <source>The loss is low enough</source>
            <translation>The loss is low enough</translation>
        </message>
        <message>
            <source>Trained for rounds or samples</source>
            <translation>Trained for rounds or samples</translation>
        </message>
        <message>
            <source>The learning rate η is set</source>
            <translation>The learning rate η is set</translation>
        </message>
        <message>
            <source>An optimizer or loss is chosen</source>
            <translation>An optimizer or loss is chosen</translation>
        </message>
        <message>
            <source>The explained step is played to a phase</source>
            <translation>The explained step is played to a phase</translation>
        </message>
        <message>
            <source>Gradient ratio, first layer to last</source>
            <translation>Gradient ratio, first layer to last</translation>
        </message>
        <message>
            <source>Runs in Run Comparison</source>
            <translation>Runs in Run Comparison</translation>
        </message>
        <message>
            <source>A panel is open</source>
            <translation>A panel is open</translation>
        </message>
        <message>
            <source>All of several checks (JSON)</source>
            <translation>All of several checks (JSON)</translation>
        </message>
        <message>
            <source>Any of several checks (JSON)</source>
            <translation>Any of several checks (JSON)</translation>
        </message>
        <message>
            <source>Expected class per row</source>
            <translation>Expected class per row</translation>
        </message>
        <message>
            <source>At least</source>
            <translation>At least</translation>
        </message>
        <message>
            <source>rows (truth table) or a fraction 0–1 (accuracy)</source>
            <translation>rows (truth table) or a fraction 0–1 (accuracy)</translation>
        </message>
        <message>
            <source>At most</source>
            <translation>At most</translation>
        </message>
        <message>
            <source>a number (loss) or a fraction 0–1 (accuracy)</source>
            <translation>a number (loss) or a fraction 0–1 (accuracy)</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Layer</translation>
        </message>
        <message>
            <source>1 = the first layer with weights; 0 = the inputs for a selected neuron</source>
            <translation>1 = the first layer with weights; 0 = the inputs for a selected neuron</translation>
        </message>
        <message>
            <source>Values per row</source>
            <translation>Values per row</translation>
        </message>
        <message>
            <source>Values of</source>
            <translation>Values of</translation>
        </message>
        <message>
            <source>Tolerance</source>
            <translation>Tolerance</translation>
        </message>
        <message>
            <source>Classified correctly</source>
            <translation>Classified correctly</translation>
        </message>
        <message>
            <source>Digit</source>
            <translation>Digit</translation>
        </message>
        <message>
            <source>Weight or bias</source>
            <translation>Weight or bias</translation>
        </message>
        <message>
            <source>Minimum</source>
            <translation>Minimum</translation>
        </message>
        <message>
            <source>Maximum</source>
            <translation>Maximum</translation>
        </message>
        <message>
            <source>Equals</source>
            <translation>Equals</translation>
        </message>
        <message>
            <source>Weights or biases</source>
            <translation>Weights or biases</translation>
        </message>
        <message>
            <source>Every one of them</source>
            <translation>Every one of them</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>0-based: a gate's rows 0 = (0, 0) … 3 = (1, 1)</source>
            <translation>0-based: a gate's rows 0 = (0, 0) … 3 = (1, 1)</translation>
        </message>
        <message>
            <source>Neuron</source>
            <translation>Neuron</translation>
        </message>
        <message>
            <source>0-based, from the top</source>
            <translation>0-based, from the top</translation>
        </message>
        <message>
            <source>After rounds (epochs)</source>
            <translation>After rounds (epochs)</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Data</translation>
        </message>
        <message>
            <source>Fraction of the first loss</source>
            <translation>Fraction of the first loss</translation>
        </message>
        <message>
            <source>Rounds (epochs)</source>
            <translation>Rounds (epochs)</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>Samples</translation>
        </message>
        <message>
            <source>Relative tolerance</source>
            <translation>Relative tolerance</translation>
        </message>
        <message>
            <source>Changed during the run</source>
            <translation>Changed during the run</translation>
        </message>
        <message>
            <source>While Play is on</source>
            <translation>While Play is on</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <translation>Optimizer</translation>
        </message>
        <message>
            <source>Loss function</source>
            <translation>Loss function</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>Phase</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Runs</translation>
        </message>
        <message>
            <source>Panel</source>
            <translation>Panel</translation>
        </message>
        <message>
            <source>a (weighted sums)</source>
            <translation>a (weighted sums)</translation>
        </message>
        <message>
            <source>z (outputs)</source>
            <translation>z (outputs)</translation>
        </message>
        <message>
            <source>training data</source>
            <translation>training data</translation>
        </message>
        <message>
            <source>test data</source>
            <translation>test data</translation>
        </message>
        <message>
            <source>the list of checks is not valid JSON ({e})</source>
            <translation>the list of checks is not valid JSON ({e})</translation>
        </message>
    </context>
    <context>
        <name>GuideControls</name>
        <message>
            <source>Why did it change? Trace ∂L/∂w</source>
            <translation>Why did it change? Trace ∂L/∂w</translation>
        </message>
        <message>
            <source>Edit the value</source>
            <translation>Edit the value</translation>
        </message>
        <message>
            <source>This step of the guide does not edit weights; leave the guide to edit freely.</source>
            <translation>This step of the guide does not edit weights; leave the guide to edit freely.</translation>
        </message>
        <message>
            <source>This step of the guide does not edit weights: the chain-rule tracer shows why this one changes.</source>
            <translation>This step of the guide does not edit weights: the chain-rule tracer shows why this one changes.</translation>
        </message>
    </context>
    <context>
        <name>GuideDocks</name>
        <message>
            <source>Guide</source>
            <translation>Guide</translation>
        </message>
        <message>
            <source>Explained step</source>
            <translation>Explained step</translation>
        </message>
        <message>
            <source>Chain-rule tracer</source>
            <translation>Chain-rule tracer</translation>
        </message>
        <message>
            <source>Computational graph</source>
            <translation>Computational graph</translation>
        </message>
    </context>
    <context>
        <name>GuideEditorDialog</name>
        <message>
            <source>Edit the guide — {lesson}</source>
            <translation>Edit the guide — {lesson}</translation>
        </message>
        <message>
            <source>Guide title in English</source>
            <translation>Guide title in English</translation>
        </message>
        <message>
            <source>Guide title in Korean</source>
            <translation>Guide title in Korean</translation>
        </message>
        <message>
            <source>Guide title</source>
            <translation>Guide title</translation>
        </message>
        <message>
            <source>Add a step</source>
            <translation>Add a step</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Move up</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Move down</translation>
        </message>
        <message>
            <source>A new step after the selected one</source>
            <translation>A new step after the selected one</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>Steps</translation>
        </message>
        <message>
            <source>Save uses the guide in this lesson at once; File → Save Lesson keeps it in the lesson file for your students.</source>
            <translation>Save uses the guide in this lesson at once; File → Save Lesson keeps it in the lesson file for your students.</translation>
        </message>
        <message>
            <source>Save and use</source>
            <translation>Save and use</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Task text</source>
            <translation>Task text</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Korean</source>
            <translation>Korean</translation>
        </message>
        <message>
            <source>{field} ({language}) is empty.</source>
            <translation>{field} ({language}) is empty.</translation>
        </message>
        <message>
            <source>Step {n} ({title}): </source>
            <translation>Step {n} ({title}): </translation>
        </message>
        <message>
            <source>The guide was not saved; the lesson keeps its previous guide.</source>
            <translation>The guide was not saved; the lesson keeps its previous guide.</translation>
        </message>
    </context>
    <context>
        <name>GuidePanel</name>
        <message>
            <source>◀ Back</source>
            <extracomment>the panel's width changed (the band's height for the step may change with it)</extracomment>
            <translation>◀ Back</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>Next ▶</translation>
        </message>
        <message>
            <source>Leave guide</source>
            <translation>Leave guide</translation>
        </message>
        <message>
            <source>Play freely with the lesson; the guide waits where you are</source>
            <translation>Play freely with the lesson; the guide waits where you are</translation>
        </message>
        <message>
            <source>Restart the guide from its first step (the tasks done so far are forgotten)</source>
            <translation>Restart the guide from its first step (the tasks done so far are forgotten)</translation>
        </message>
        <message>
            <source>No guide</source>
            <translation>No guide</translation>
        </message>
        <message>
            <source>This lesson has no guide.</source>
            <translation>This lesson has no guide.</translation>
        </message>
        <message>
            <source>Its guide could not be read: {e}</source>
            <translation>Its guide could not be read: {e}</translation>
        </message>
        <message>
            <source>Guide: {title} — step {i} of {n}</source>
            <translation>Guide: {title} — step {i} of {n}</translation>
        </message>
        <message>
            <source>Task: {task}</source>
            <translation>Task: {task}</translation>
        </message>
        <message>
            <source>✓ Done</source>
            <translation>✓ Done</translation>
        </message>
        <message>
            <source>Not yet: {hint}</source>
            <translation>Not yet: {hint}</translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>Not yet</translation>
        </message>
        <message>
            <source>Resume guide</source>
            <translation>Resume guide</translation>
        </message>
    </context>
    <context>
        <name>GuideState</name>
        <message>
            <source>The guide's weights do not fit: {e}</source>
            <translation>The guide's weights do not fit: {e}</translation>
        </message>
        <message>
            <source>Guide: {step}</source>
            <translation>Guide: {step}</translation>
        </message>
    </context>
    <context>
        <name>HyperPanel</name>
        <message>
            <source>Applied at the next step</source>
            <translation>Applied at the next step</translation>
        </message>
        <message>
            <source>Learning rate η: how far each update moves the weights (W ← W − η·∂L/∂W)</source>
            <translation>Learning rate η: how far each update moves the weights (W ← W − η·∂L/∂W)</translation>
        </message>
        <message>
            <source>Allowed: greater than 0, at most 1000.</source>
            <translation>Allowed: greater than 0, at most 1000.</translation>
        </message>
        <message>
            <source>learning rate η</source>
            <translation>learning rate η</translation>
        </message>
        <message>
            <source>How the gradient becomes an update; switching starts the optimizer's memory fresh and sets its handout default learning rate</source>
            <translation>How the gradient becomes an update; switching starts the optimizer's memory fresh and sets its handout default learning rate</translation>
        </message>
        <message>
            <source>optimizer</source>
            <translation>optimizer</translation>
        </message>
        <message>
            <source>Samples per update (1 = one sample at a time, the course's way)</source>
            <translation>Samples per update (1 = one sample at a time, the course's way)</translation>
        </message>
        <message>
            <source>batch size</source>
            <translation>batch size</translation>
        </message>
        <message>
            <source>Passes over the training set (epochs, the handout's rounds)</source>
            <translation>Passes over the training set (epochs, the handout's rounds)</translation>
        </message>
        <message>
            <source>epochs</source>
            <translation>epochs</translation>
        </message>
        <message>
            <source>Needs a reset (new run)</source>
            <translation>Needs a reset (new run)</translation>
        </message>
        <message>
            <source>The loss the gradient comes from: mse, binary or categorical cross-entropy</source>
            <translation>The loss the gradient comes from: mse, binary or categorical cross-entropy</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>loss</translation>
        </message>
        <message>
            <source>Seed of the random initial weights: the same seed gives the same weights</source>
            <translation>Seed of the random initial weights: the same seed gives the same weights</translation>
        </message>
        <message>
            <source>seed</source>
            <translation>seed</translation>
        </message>
        <message>
            <source>Apply and reset</source>
            <translation>Apply and reset</translation>
        </message>
        <message>
            <source>Start a new run with these settings (new initial weights; curves start again)</source>
            <translation>Start a new run with these settings (new initial weights; curves start again)</translation>
        </message>
        <message>
            <source>This lesson has nothing to train.</source>
            <translation>This lesson has nothing to train.</translation>
        </message>
        <message>
            <source>Momentum: how much of the last update is kept</source>
            <translation>Momentum: how much of the last update is kept</translation>
        </message>
        <message>
            <source>ρ: decay of the running average of squared gradients</source>
            <translation>ρ: decay of the running average of squared gradients</translation>
        </message>
        <message>
            <source>β₁: decay of the running average of gradients</source>
            <translation>β₁: decay of the running average of gradients</translation>
        </message>
        <message>
            <source>β₂: decay of the running average of squared gradients</source>
            <translation>β₂: decay of the running average of squared gradients</translation>
        </message>
        <message>
            <source>ε: keeps the division finite</source>
            <translation>ε: keeps the division finite</translation>
        </message>
        <message>
            <source> (handout default {v})</source>
            <translation> (handout default {v})</translation>
        </message>
        <message>
            <source>Neurons in this layer (the output layer's size is fixed by the data)</source>
            <translation>Neurons in this layer (the output layer's size is fixed by the data)</translation>
        </message>
        <message>
            <source>Activation h of this layer: z = h(a)</source>
            <translation>Activation h of this layer: z = h(a)</translation>
        </message>
        <message>
            <source>How this layer's initial weights are drawn</source>
            <translation>How this layer's initial weights are drawn</translation>
        </message>
        <message>
            <source>units</source>
            <translation>units</translation>
        </message>
        <message>
            <source>activation</source>
            <translation>activation</translation>
        </message>
        <message>
            <source>init</source>
            <translation>init</translation>
        </message>
        <message>
            <source>layer {n}</source>
            <translation>layer {n}</translation>
        </message>
        <message>
            <source>These changes need a new run: press "Apply and reset" (the weights start again).</source>
            <translation>These changes need a new run: press "Apply and reset" (the weights start again).</translation>
        </message>
    </context>
    <context>
        <name>InputsPanel</name>
        <message>
            <source>Click a row to feed that input into the network; y is the network's output for each row</source>
            <translation>Click a row to feed that input into the network; y is the network's output for each row</translation>
        </message>
        <message>
            <source>Which sample of the data set to feed in</source>
            <translation>Which sample of the data set to feed in</translation>
        </message>
        <message>
            <source>The current input image (28 × 28 pixels)</source>
            <translation>The current input image (28 × 28 pixels)</translation>
        </message>
        <message>
            <source>test image #</source>
            <translation>test image #</translation>
        </message>
        <message>
            <source>Which MNIST test image to feed in</source>
            <translation>Which MNIST test image to feed in</translation>
        </message>
        <message>
            <source>Try loading MNIST again</source>
            <translation>Try loading MNIST again</translation>
        </message>
        <message>
            <source>Look for the MNIST files again (for example after running `python -m nnviz data --fetch`)</source>
            <translation>Look for the MNIST files again (for example after running `python -m nnviz data --fetch`)</translation>
        </message>
        <message>
            <source>Truth table: pick a row</source>
            <translation>Truth table: pick a row</translation>
        </message>
        <message>
            <source>Input rows: pick one</source>
            <translation>Input rows: pick one</translation>
        </message>
        <message>
            <source>Input image</source>
            <translation>Input image</translation>
        </message>
        <message>
            <source>your drawing (no test image)</source>
            <translation>your drawing (no test image)</translation>
        </message>
        <message>
            <source>Input x</source>
            <translation>Input x</translation>
        </message>
        <message>
            <source>Input x (or click the input plane)</source>
            <translation>Input x (or click the input plane)</translation>
        </message>
        <message>
            <source>class</source>
            <translation>class</translation>
        </message>
        <message>
            <source>input x{i}</source>
            <translation>input x{i}</translation>
        </message>
        <message>
            <source>target d (the right answer)</source>
            <translation>target d (the right answer)</translation>
        </message>
        <message>
            <source>the network's output</source>
            <translation>the network's output</translation>
        </message>
        <message>
            <source>sample</source>
            <translation>sample</translation>
        </message>
        <message>
            <source>Input x{i}: type a value or use the arrows</source>
            <translation>Input x{i}: type a value or use the arrows</translation>
        </message>
        <message>
            <source>label: {y}</source>
            <translation>label: {y}</translation>
        </message>
        <message>
            <source>your own input: it has no label</source>
            <translation>your own input: it has no label</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message>
            <source>Click a neuron on the canvas to inspect it.</source>
            <extracomment>below this width (px) the activation plot goes under the table instead of beside it</extracomment>
            <translation>Click a neuron on the canvas to inspect it.</translation>
        </message>
        <message>
            <source>The neuron's weighted sum a and activation z with the current numbers</source>
            <translation>The neuron's weighted sum a and activation z with the current numbers</translation>
        </message>
        <message>
            <source>from</source>
            <translation>from</translation>
        </message>
        <message>
            <source>input z</source>
            <translation>input z</translation>
        </message>
        <message>
            <source>weight w</source>
            <translation>weight w</translation>
        </message>
        <message>
            <source>Incoming weights and bias of this neuron; double-click a weight to edit it</source>
            <translation>Incoming weights and bias of this neuron; double-click a weight to edit it</translation>
        </message>
        <message>
            <source>The activation function h(a); the dot is this neuron's current (a, z)</source>
            <translation>The activation function h(a); the dot is this neuron's current (a, z)</translation>
        </message>
        <message>
            <source>Input x{j}</source>
            <translation>Input x{j}</translation>
        </message>
        <message>
            <source>output</source>
            <translation>output</translation>
        </message>
        <message>
            <source>hidden</source>
            <translation>hidden</translation>
        </message>
        <message>
            <source>Layer {l} ({kind}), neuron {j} — activation {act}</source>
            <translation>Layer {l} ({kind}), neuron {j} — activation {act}</translation>
        </message>
        <message>
            <source>bias b</source>
            <translation>bias b</translation>
        </message>
        <message>
            <source>Double-click to edit</source>
            <translation>Double-click to edit</translation>
        </message>
        <message>
            <source>“{t}” is not a finite number; the weight was kept.</source>
            <translation>“{t}” is not a finite number; the weight was kept.</translation>
        </message>
        <message>
            <source>softmax, other neurons fixed</source>
            <translation>softmax, other neurons fixed</translation>
        </message>
    </context>
    <context>
        <name>LayerModel</name>
        <message>
            <source>bias b</source>
            <translation>bias b</translation>
        </message>
        <message>
            <source>{why} {name} stays {old}.</source>
            <translation>{why} {name} stays {old}.</translation>
        </message>
    </context>
    <context>
        <name>LayerStatsView</name>
        <message>
            <source>The layer whose histograms are shown</source>
            <translation>The layer whose histograms are shown</translation>
        </message>
        <message>
            <source>Activations are measured on this fixed set of training inputs (the same at the start and now)</source>
            <translation>Activations are measured on this fixed set of training inputs (the same at the start and now)</translation>
        </message>
        <message>
            <source>layer</source>
            <translation>layer</translation>
        </message>
        <message>
            <source>weights mean ± std</source>
            <translation>weights mean ± std</translation>
        </message>
        <message>
            <source>outputs z mean ± std</source>
            <translation>outputs z mean ± std</translation>
        </message>
        <message>
            <source>dead</source>
            <translation>dead</translation>
        </message>
        <message>
            <source>Per layer: mean ± standard deviation of the weights and of the outputs z on the sample; dead = share of ReLU units whose output is 0 for every input of the sample (they no longer learn). Click a row to see its histograms</source>
            <translation>Per layer: mean ± standard deviation of the weights and of the outputs z on the sample; dead = share of ReLU units whose output is 0 for every input of the sample (they no longer learn). Click a row to see its histograms</translation>
        </message>
        <message>
            <source>Grey: at the start of the run · blue: now. Wheel: zoom · drag: pan</source>
            <translation>Grey: at the start of the run · blue: now. Wheel: zoom · drag: pan</translation>
        </message>
        <message>
            <source>weights w</source>
            <translation>weights w</translation>
        </message>
        <message>
            <source>outputs z</source>
            <translation>outputs z</translation>
        </message>
        <message>
            <source>count</source>
            <translation>count</translation>
        </message>
        <message>
            <source>start</source>
            <translation>start</translation>
        </message>
        <message>
            <source>now</source>
            <translation>now</translation>
        </message>
        <message>
            <source>Mean ± standard deviation now (at the start)</source>
            <translation>Mean ± standard deviation now (at the start)</translation>
        </message>
        <message>
            <source>&lt;span style='color:#969696'&gt;■ at the start&lt;/span&gt; &amp;nbsp; &lt;span style='color:{c}'&gt;━ now&lt;/span&gt;</source>
            <translation>&lt;span style='color:#969696'&gt;■ at the start&lt;/span&gt; &amp;nbsp; &lt;span style='color:{c}'&gt;━ now&lt;/span&gt;</translation>
        </message>
        <message>
            <source>{n}: {u} × {act}</source>
            <translation>{n}: {u} × {act}</translation>
        </message>
        <message>
            <source>training inputs</source>
            <translation>training inputs</translation>
        </message>
        <message>
            <source>inputs</source>
            <translation>inputs</translation>
        </message>
        <message>
            <source>input</source>
            <translation>input</translation>
        </message>
        <message>
            <source>activations on {n} {what}</source>
            <translation>activations on {n} {what}</translation>
        </message>
        <message>
            <source>w: {m} ± {s} (start {m0} ± {s0})    z: {zm} ± {zs} (start {zm0} ± {zs0})</source>
            <translation>w: {m} ± {s} (start {m0} ± {s0})    z: {zm} ± {zs} (start {zm0} ± {zs0})</translation>
        </message>
        <message>
            <source>now {m} ± {s}; at the start {m0} ± {s0}</source>
            <translation>now {m} ± {s}; at the start {m0} ± {s0}</translation>
        </message>
        <message>
            <source>dead at the start: {p}</source>
            <translation>dead at the start: {p}</translation>
        </message>
        <message>
            <source>only ReLU units can die (output 0 for every input)</source>
            <translation>only ReLU units can die (output 0 for every input)</translation>
        </message>
    </context>
    <context>
        <name>LessonCard</name>
        <message>
            <source>Lesson {n}: {title}</source>
            <translation>Lesson {n}: {title}</translation>
        </message>
        <message>
            <source>Network {sizes}</source>
            <translation>Network {sizes}</translation>
        </message>
        <message>
            <source>Lesson {n} · Handout {h}</source>
            <translation>Lesson {n} · Handout {h}</translation>
        </message>
        <message>
            <source>{head} · open now</source>
            <translation>{head} · open now</translation>
        </message>
    </context>
    <context>
        <name>LessonMapDialog</name>
        <message>
            <source>Lesson map</source>
            <translation>Lesson map</translation>
        </message>
        <message>
            <source>nnviz lessons and models (*.nnviz *.npz);;All files (*)</source>
            <translation>nnviz lessons and models (*.nnviz *.npz);;All files (*)</translation>
        </message>
        <message>
            <source>Lessons</source>
            <translation>Lessons</translation>
        </message>
        <message>
            <source>The lessons follow the course handouts, one idea after another. Start at the beginning, or pick any lesson.</source>
            <translation>The lessons follow the course handouts, one idea after another. Start at the beginning, or pick any lesson.</translation>
        </message>
        <message>
            <source>Start with lesson 1: {title}</source>
            <translation>Start with lesson 1: {title}</translation>
        </message>
        <message>
            <source>Open a lesson file…</source>
            <translation>Open a lesson file…</translation>
        </message>
        <message>
            <source>Open a lesson an instructor shared, or a saved model</source>
            <translation>Open a lesson an instructor shared, or a saved model</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Open a lesson file</source>
            <translation>Open a lesson file</translation>
        </message>
    </context>
    <context>
        <name>LessonModel</name>
        <message>
            <source>Loading {kind} …</source>
            <translation>Loading {kind} …</translation>
        </message>
        <message>
            <source>Loading the MNIST test images in the background …</source>
            <translation>Loading the MNIST test images in the background …</translation>
        </message>
        <message>
            <source>MNIST loaded: {n} test images</source>
            <translation>MNIST loaded: {n} test images</translation>
        </message>
        <message>
            <source>MNIST is not available: the network is shown with a blank input</source>
            <translation>MNIST is not available: the network is shown with a blank input</translation>
        </message>
        <message>
            <source>Only finite numbers can be weights (no NaN or ∞).</source>
            <translation>Only finite numbers can be weights (no NaN or ∞).</translation>
        </message>
        <message>
            <source>Reset to the lesson's weights</source>
            <translation>Reset to the lesson's weights</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>Saved {path}</translation>
        </message>
        <message>
            <source>Opened {path}</source>
            <translation>Opened {path}</translation>
        </message>
        <message>
            <source>Fill layer {n} with {scheme} (seed {seed})</source>
            <translation>Fill layer {n} with {scheme} (seed {seed})</translation>
        </message>
        <message>
            <source>Set {name} = {v}</source>
            <translation>Set {name} = {v}</translation>
        </message>
        <message>
            <source>Paste {n} values into {name}</source>
            <translation>Paste {n} values into {name}</translation>
        </message>
        <message>
            <source>layer {n} has no bias</source>
            <translation>layer {n} has no bias</translation>
        </message>
    </context>
    <context>
        <name>LessonPicker</name>
        <message>
            <source>Perceptron</source>
            <translation>Perceptron</translation>
        </message>
        <message>
            <source>Multi-layer perceptron</source>
            <translation>Multi-layer perceptron</translation>
        </message>
        <message>
            <source>Backpropagation</source>
            <translation>Backpropagation</translation>
        </message>
        <message>
            <source>Activations, losses, optimizers</source>
            <translation>Activations, losses, optimizers</translation>
        </message>
        <message>
            <source>MNIST</source>
            <translation>MNIST</translation>
        </message>
        <message>
            <source>Choose a lesson (a handout example)</source>
            <translation>Choose a lesson (a handout example)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>The network: wheel to zoom, drag to pan, click a neuron to inspect it, click an edge or a bias to edit it</source>
            <translation>The network: wheel to zoom, drag to pan, click a neuron to inspect it, click an edge or a bias to edit it</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>Input</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Output</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>Weights</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Inspector</translation>
        </message>
        <message>
            <source>Explanation</source>
            <translation>Explanation</translation>
        </message>
        <message>
            <source>Step Detail</source>
            <translation>Step Detail</translation>
        </message>
        <message>
            <source>Hyper-parameters</source>
            <translation>Hyper-parameters</translation>
        </message>
        <message>
            <source>Gradient Norms</source>
            <translation>Gradient Norms</translation>
        </message>
        <message>
            <source>Run Comparison</source>
            <translation>Run Comparison</translation>
        </message>
        <message>
            <source>Regularisation</source>
            <translation>Regularisation</translation>
        </message>
        <message>
            <source>Weight statistics</source>
            <translation>Weight statistics</translation>
        </message>
        <message>
            <source>Loss and Accuracy</source>
            <translation>Loss and Accuracy</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>&amp;New</translation>
        </message>
        <message>
            <source>Start over from the lesson's initial weights</source>
            <translation>Start over from the lesson's initial weights</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Open…</translation>
        </message>
        <message>
            <source>Open a model (.npz) or a pickled weight dict (.pkl)</source>
            <translation>Open a model (.npz) or a pickled weight dict (.pkl)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Save the network and its weights</source>
            <translation>Save the network and its weights</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Save &amp;As…</translation>
        </message>
        <message>
            <source>Save under a new name</source>
            <translation>Save under a new name</translation>
        </message>
        <message>
            <source>&amp;Export Canvas as PNG…</source>
            <translation>&amp;Export Canvas as PNG…</translation>
        </message>
        <message>
            <source>Save a picture of the network canvas</source>
            <translation>Save a picture of the network canvas</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Close nnviz</source>
            <translation>Close nnviz</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>Undo the last weight edit (Ctrl+Z)</source>
            <translation>Undo the last weight edit (Ctrl+Z)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>Redo the edit you undid (Ctrl+Shift+Z)</source>
            <translation>Redo the edit you undid (Ctrl+Shift+Z)</translation>
        </message>
        <message>
            <source>nnviz lessons and models (*.nnviz *.npz);;nnviz lessons (*.nnviz);;nnviz models (*.npz);;Pickled weights (*.pkl *.pickle);;All files (*)</source>
            <translation>nnviz lessons and models (*.nnviz *.npz);;nnviz lessons (*.nnviz);;nnviz models (*.npz);;Pickled weights (*.pkl *.pickle);;All files (*)</translation>
        </message>
        <message>
            <source>Open a lesson or a model</source>
            <translation>Open a lesson or a model</translation>
        </message>
        <message>
            <source>Save &amp;Lesson…</source>
            <translation>Save &amp;Lesson…</translation>
        </message>
        <message>
            <source>Save the lesson as it is now (weights, hyper-parameters, data, panels, guide) in one .nnviz file to share with students</source>
            <translation>Save the lesson as it is now (weights, hyper-parameters, data, panels, guide) in one .nnviz file to share with students</translation>
        </message>
        <message>
            <source>Attach a &amp;Guide…</source>
            <translation>Attach a &amp;Guide…</translation>
        </message>
        <message>
            <source>Give this lesson a guide you wrote (JSON, see the README); Save Lesson keeps it</source>
            <translation>Give this lesson a guide you wrote (JSON, see the README); Save Lesson keeps it</translation>
        </message>
        <message>
            <source>E&amp;dit the Guide…</source>
            <translation>E&amp;dit the Guide…</translation>
        </message>
        <message>
            <source>Edit this lesson's guide in the app: its steps, texts, tasks and checks; Save Lesson keeps it</source>
            <translation>Edit this lesson's guide in the app: its steps, texts, tasks and checks; Save Lesson keeps it</translation>
        </message>
        <message>
            <source>Save the lesson</source>
            <translation>Save the lesson</translation>
        </message>
        <message>
            <source>nnviz lessons (*.nnviz)</source>
            <translation>nnviz lessons (*.nnviz)</translation>
        </message>
        <message>
            <source>Attach a guide</source>
            <translation>Attach a guide</translation>
        </message>
        <message>
            <source>Guides (*.json);;All files (*)</source>
            <translation>Guides (*.json);;All files (*)</translation>
        </message>
        <message>
            <source>Saved the lesson {path}</source>
            <translation>Saved the lesson {path}</translation>
        </message>
        <message>
            <source>no lesson is open</source>
            <translation>no lesson is open</translation>
        </message>
        <message>
            <source>Cannot use this guide</source>
            <translation>Cannot use this guide</translation>
        </message>
        <message>
            <source>The lesson now follows the guide {name}; Save Lesson keeps it</source>
            <translation>The lesson now follows the guide {name}; Save Lesson keeps it</translation>
        </message>
        <message>
            <source>The lesson now follows the edited guide; Save Lesson keeps it</source>
            <translation>The lesson now follows the edited guide; Save Lesson keeps it</translation>
        </message>
        <message>
            <source>Reset &amp;Weights</source>
            <translation>Reset &amp;Weights</translation>
        </message>
        <message>
            <source>Back to the lesson's initial weights (undoable)</source>
            <translation>Back to the lesson's initial weights (undoable)</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Zoom &amp;In</translation>
        </message>
        <message>
            <source>Zoom into the canvas</source>
            <translation>Zoom into the canvas</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Zoom &amp;Out</translation>
        </message>
        <message>
            <source>Zoom out of the canvas</source>
            <translation>Zoom out of the canvas</translation>
        </message>
        <message>
            <source>&amp;Fit to Window</source>
            <translation>&amp;Fit to Window</translation>
        </message>
        <message>
            <source>Show the whole network</source>
            <translation>Show the whole network</translation>
        </message>
        <message>
            <source>Show &amp;Numbers</source>
            <translation>Show &amp;Numbers</translation>
        </message>
        <message>
            <source>Show a and z on neurons, w on edges, b on biases</source>
            <translation>Show a and z on neurons, w on edges, b on biases</translation>
        </message>
        <message>
            <source>Lesson &amp;Explanation</source>
            <translation>Lesson &amp;Explanation</translation>
        </message>
        <message>
            <source>What this lesson is about (F1)</source>
            <translation>What this lesson is about (F1)</translation>
        </message>
        <message>
            <source>&amp;About nnviz</source>
            <translation>&amp;About nnviz</translation>
        </message>
        <message>
            <source>Version and licence</source>
            <translation>Version and licence</translation>
        </message>
        <message>
            <source>&amp;Reset Layout</source>
            <translation>&amp;Reset Layout</translation>
        </message>
        <message>
            <source>Show this lesson's panels as the lesson arranges them</source>
            <translation>Show this lesson's panels as the lesson arranges them</translation>
        </message>
        <message>
            <source>Lesson &amp;Map…</source>
            <translation>Lesson &amp;Map…</translation>
        </message>
        <message>
            <source>Every lesson in the handouts' order, with a picture of its network</source>
            <translation>Every lesson in the handouts' order, with a picture of its network</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Fit</translation>
        </message>
        <message>
            <source>Numbers</source>
            <translation>Numbers</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Open &amp;Recent</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>Wide layers: how many of their strongest links each pair of layers draws, faded (a hovered or selected neuron's own strongest edges are drawn as well)</source>
            <translation>Wide layers: how many of their strongest links each pair of layers draws, faded (a hovered or selected neuron's own strongest edges are drawn as well)</translation>
        </message>
        <message>
            <source>Show or hide this panel</source>
            <translation>Show or hide this panel</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>Use this language (applies after a restart)</source>
            <translation>Use this language (applies after a restart)</translation>
        </message>
        <message>
            <source>&amp;Lessons</source>
            <translation>&amp;Lessons</translation>
        </message>
        <message>
            <source>Opening {name} was cancelled.</source>
            <translation>Opening {name} was cancelled.</translation>
        </message>
        <message>
            <source>&amp;Training</source>
            <translation>&amp;Training</translation>
        </message>
        <message>
            <source>&amp;Compare the lesson's variants</source>
            <translation>&amp;Compare the lesson's variants</translation>
        </message>
        <message>
            <source>Train the lesson once per compared setting (e.g. all six optimizers with their handout defaults), every run from the same initial weights, and overlay the curves in Run Comparison</source>
            <translation>Train the lesson once per compared setting (e.g. all six optimizers with their handout defaults), every run from the same initial weights, and overlay the curves in Run Comparison</translation>
        </message>
        <message>
            <source>L&amp;abs</source>
            <translation>L&amp;abs</translation>
        </message>
        <message>
            <source>&amp;Activation Gallery</source>
            <translation>&amp;Activation Gallery</translation>
        </message>
        <message>
            <source>f and f′ of every activation over [−10, 10]</source>
            <translation>f and f′ of every activation over [−10, 10]</translation>
        </message>
        <message>
            <source>&amp;Optimizer Race</source>
            <translation>&amp;Optimizer Race</translation>
        </message>
        <message>
            <source>Optimizers racing down 2-D loss surfaces</source>
            <translation>Optimizers racing down 2-D loss surfaces</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Main</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>Lesson</translation>
        </message>
        <message>
            <source>strongest edges: </source>
            <translation>strongest edges: </translation>
        </message>
        <message>
            <source>Live figures</source>
            <translation>Live figures</translation>
        </message>
        <message>
            <source>The network's neurons per layer and number of parameters</source>
            <translation>The network's neurons per layer and number of parameters</translation>
        </message>
        <message>
            <source>Canvas zoom</source>
            <translation>Canvas zoom</translation>
        </message>
        <message>
            <source>Loading lessons …</source>
            <translation>Loading lessons …</translation>
        </message>
        <message>
            <source>zoom {p} %</source>
            <translation>zoom {p} %</translation>
        </message>
        <message>
            <source>Comparing the variants from the same weights …</source>
            <translation>Comparing the variants from the same weights …</translation>
        </message>
        <message>
            <source>Comparing the variants: epoch {d} of {t}</source>
            <translation>Comparing the variants: epoch {d} of {t}</translation>
        </message>
        <message>
            <source>{n} runs compared</source>
            <translation>{n} runs compared</translation>
        </message>
        <message>
            <source>The comparison failed: {m}</source>
            <translation>The comparison failed: {m}</translation>
        </message>
        <message>
            <source>Training stopped</source>
            <translation>Training stopped</translation>
        </message>
        <message>
            <source>The network shows the last good weights.</source>
            <translation>The network shows the last good weights.</translation>
        </message>
        <message>
            <source>Back to the last good weights, learning rate ÷ 10</source>
            <translation>Back to the last good weights, learning rate ÷ 10</translation>
        </message>
        <message>
            <source>Keep the weights from before the step that diverged and try a smaller learning rate</source>
            <translation>Keep the weights from before the step that diverged and try a smaller learning rate</translation>
        </message>
        <message>
            <source>Reset to the initial weights</source>
            <translation>Reset to the initial weights</translation>
        </message>
        <message>
            <source>Start this run again from its initial weights</source>
            <translation>Start this run again from its initial weights</translation>
        </message>
        <message>
            <source>Activation Gallery</source>
            <translation>Activation Gallery</translation>
        </message>
        <message>
            <source>Optimizer Race</source>
            <translation>Optimizer Race</translation>
        </message>
        <message>
            <source>This lab is not available: {e}</source>
            <translation>This lab is not available: {e}</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Ready</translation>
        </message>
        <message>
            <source>network {sizes} · {n} parameters</source>
            <translation>network {sizes} · {n} parameters</translation>
        </message>
        <message>
            <source>Lesson: {t}</source>
            <translation>Lesson: {t}</translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>Cannot open</translation>
        </message>
        <message>
            <source>Save the model</source>
            <translation>Save the model</translation>
        </message>
        <message>
            <source>nnviz models (*.npz)</source>
            <translation>nnviz models (*.npz)</translation>
        </message>
        <message>
            <source>Cannot save</source>
            <translation>Cannot save</translation>
        </message>
        <message>
            <source>Export the canvas</source>
            <translation>Export the canvas</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG images (*.png)</translation>
        </message>
        <message>
            <source>Exported {p}</source>
            <translation>Exported {p}</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>The language will change the next time nnviz starts.</source>
            <translation>The language will change the next time nnviz starts.</translation>
        </message>
        <message>
            <source>Show nnviz in {language} now? The window is opened again: the lesson stays, the weights go back to the lesson's start.</source>
            <translation>Show nnviz in {language} now? The window is opened again: the lesson stays, the weights go back to the lesson's start.</translation>
        </message>
        <message>
            <source>Restart now</source>
            <translation>Restart now</translation>
        </message>
        <message>
            <source>Close this window and open it again in the new language</source>
            <translation>Close this window and open it again in the new language</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Later</translation>
        </message>
        <message>
            <source>Keep working; the new language applies at the next start</source>
            <translation>Keep working; the new language applies at the next start</translation>
        </message>
        <message>
            <source>Language saved: {l} (restart to apply)</source>
            <translation>Language saved: {l} (restart to apply)</translation>
        </message>
        <message>
            <source>About nnviz</source>
            <translation>About nnviz</translation>
        </message>
        <message>
            <source>&lt;h3&gt;nnviz {v}&lt;/h3&gt;&lt;p&gt;Watch neural networks learn: perceptrons, XOR, backprop, optimizers and MNIST, step by step.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;nnviz {v}&lt;/h3&gt;&lt;p&gt;Watch neural networks learn: perceptrons, XOR, backprop, optimizers and MNIST, step by step.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>MnistViews</name>
        <message>
            <source>Test images</source>
            <translation>Test images</translation>
        </message>
        <message>
            <source>Draw a digit</source>
            <translation>Draw a digit</translation>
        </message>
        <message>
            <source>Confusion matrix</source>
            <translation>Confusion matrix</translation>
        </message>
        <message>
            <source>Weight images</source>
            <translation>Weight images</translation>
        </message>
        <message>
            <source>Show or hide the {t} view</source>
            <translation>Show or hide the {t} view</translation>
        </message>
        <message>
            <source>&amp;MNIST</source>
            <translation>&amp;MNIST</translation>
        </message>
        <message>
            <source>&amp;Data…</source>
            <translation>&amp;Data…</translation>
        </message>
        <message>
            <source>Where MNIST was found; download it or choose a folder</source>
            <translation>Where MNIST was found; download it or choose a folder</translation>
        </message>
        <message>
            <source>&amp;Evaluate test images</source>
            <translation>&amp;Evaluate test images</translation>
        </message>
        <message>
            <source>Classify the 10,000 test images in batches of 100 and show the accuracy</source>
            <translation>Classify the 10,000 test images in batches of 100 and show the accuracy</translation>
        </message>
    </context>
    <context>
        <name>ModelActions</name>
        <message>
            <source>Save trained model…</source>
            <translation>Save trained model…</translation>
        </message>
        <message>
            <source>Save the network and its weights as an .npz file</source>
            <translation>Save the network and its weights as an .npz file</translation>
        </message>
        <message>
            <source>Load trained model…</source>
            <translation>Load trained model…</translation>
        </message>
        <message>
            <source>Open a model saved by nnviz (.npz)</source>
            <translation>Open a model saved by nnviz (.npz)</translation>
        </message>
        <message>
            <source>Import the book's weights…</source>
            <translation>Import the book's weights…</translation>
        </message>
        <message>
            <source>from the book's GitHub repository, ch03/sample_weight.pkl</source>
            <translation>from the book's GitHub repository, ch03/sample_weight.pkl</translation>
        </message>
        <message>
            <source>The book's sample_weight.pkl (ch03 of its GitHub repository, deep-learning-from-scratch), read safely: nothing in the file runs</source>
            <translation>The book's sample_weight.pkl (ch03 of its GitHub repository, deep-learning-from-scratch), read safely: nothing in the file runs</translation>
        </message>
        <message>
            <source>Import the book's weights (sample_weight.pkl from the book's GitHub repository)</source>
            <translation>Import the book's weights (sample_weight.pkl from the book's GitHub repository)</translation>
        </message>
        <message>
            <source>Weight files (*.pkl *.pickle *.npz);;All files (*)</source>
            <translation>Weight files (*.pkl *.pickle *.npz);;All files (*)</translation>
        </message>
        <message>
            <source>Weights not imported</source>
            <translation>Weights not imported</translation>
        </message>
        <message>
            <source>This file could not be read: {name}
{why}

Nothing in the file was run; the current lesson is unchanged.</source>
            <translation>This file could not be read: {name}
{why}

Nothing in the file was run; the current lesson is unchanged.</translation>
        </message>
        <message>
            <source>{name} describes a network with {i} inputs and {o} outputs; an MNIST network needs 784 inputs and 10 outputs.</source>
            <translation>{name} describes a network with {i} inputs and {o} outputs; an MNIST network needs 784 inputs and 10 outputs.</translation>
        </message>
        <message>
            <source>Imported {name}: classifying the test images in batches of 100 …</source>
            <translation>Imported {name}: classifying the test images in batches of 100 …</translation>
        </message>
        <message>
            <source>Test accuracy of the pretrained network: {acc} ({p}, {k} of {n})</source>
            <translation>Test accuracy of the pretrained network: {acc} ({p}, {k} of {n})</translation>
        </message>
        <message>
            <source>Test accuracy of the imported weights: {acc} ({p}, {k} of {n})</source>
            <translation>Test accuracy of the imported weights: {acc} ({p}, {k} of {n})</translation>
        </message>
        <message>
            <source>The imported weights could not be evaluated: {m}</source>
            <translation>The imported weights could not be evaluated: {m}</translation>
        </message>
        <message>
            <source>Save trained model</source>
            <translation>Save trained model</translation>
        </message>
        <message>
            <source>nnviz model (*.npz)</source>
            <translation>nnviz model (*.npz)</translation>
        </message>
        <message>
            <source>Model not saved</source>
            <translation>Model not saved</translation>
        </message>
        <message>
            <source>{path} could not be written: {why}</source>
            <translation>{path} could not be written: {why}</translation>
        </message>
        <message>
            <source>Load trained model</source>
            <translation>Load trained model</translation>
        </message>
        <message>
            <source>Model not loaded</source>
            <translation>Model not loaded</translation>
        </message>
        <message>
            <source>This file could not be read: {name}
{why}

The current lesson is unchanged.</source>
            <translation>This file could not be read: {name}
{why}

The current lesson is unchanged.</translation>
        </message>
    </context>
    <context>
        <name>Names</name>
        <message>
            <source>identity</source>
            <translation>identity</translation>
        </message>
        <message>
            <source>sigmoid</source>
            <translation>sigmoid</translation>
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
            <translation>leaky ReLU</translation>
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
            <translation>swish</translation>
        </message>
        <message>
            <source>softplus</source>
            <translation>softplus</translation>
        </message>
        <message>
            <source>step</source>
            <translation>step</translation>
        </message>
        <message>
            <source>softmax</source>
            <translation>softmax</translation>
        </message>
        <message>
            <source>maxout</source>
            <translation>maxout</translation>
        </message>
        <message>
            <source>mean squared error (MSE)</source>
            <translation>mean squared error (MSE)</translation>
        </message>
        <message>
            <source>binary cross-entropy</source>
            <translation>binary cross-entropy</translation>
        </message>
        <message>
            <source>categorical cross-entropy</source>
            <translation>categorical cross-entropy</translation>
        </message>
        <message>
            <source>SGD</source>
            <translation>SGD</translation>
        </message>
        <message>
            <source>momentum</source>
            <translation>momentum</translation>
        </message>
        <message>
            <source>Nesterov (NAG)</source>
            <translation>Nesterov (NAG)</translation>
        </message>
        <message>
            <source>Adagrad</source>
            <translation>Adagrad</translation>
        </message>
        <message>
            <source>RMSProp</source>
            <translation>RMSProp</translation>
        </message>
        <message>
            <source>Adam</source>
            <translation>Adam</translation>
        </message>
    </context>
    <context>
        <name>NetworkLegend</name>
        <message>
            <source>Weights on edges: the strongest that fit. Hover a neuron for its own, an edge for its weight.</source>
            <translation>Weights on edges: the strongest that fit. Hover a neuron for its own, an edge for its weight.</translation>
        </message>
        <message>
            <source>Numbers on edges: the strongest weights that fit without covering a neuron or another number; a hovered neuron's edges first, then a selected neuron's. Hover an edge for its exact weight.</source>
            <translation>Numbers on edges: the strongest weights that fit without covering a neuron or another number; a hovered neuron's edges first, then a selected neuron's. Hover an edge for its exact weight.</translation>
        </message>
        <message>
            <source>Wide layers: a dot per neuron, {rows} to a column; faded: the strongest links. Hover or click a neuron for its {n} strongest edges.</source>
            <translation>Wide layers: a dot per neuron, {rows} to a column; faded: the strongest links. Hover or click a neuron for its {n} strongest edges.</translation>
        </message>
        <message>
            <source>Wide layers (more than {full} neurons) are bands of dots, one per neuron, {rows} to a column from the top, coloured by the neuron's value. The faded lines are each pair of layers' strongest links, as many as 'strongest edges' in the toolbar says. Hovering or clicking a neuron draws its {n} strongest incoming and outgoing edges in full colour.</source>
            <translation>Wide layers (more than {full} neurons) are bands of dots, one per neuron, {rows} to a column from the top, coloured by the neuron's value. The faded lines are each pair of layers' strongest links, as many as 'strongest edges' in the toolbar says. Hovering or clicking a neuron draws its {n} strongest incoming and outgoing edges in full colour.</translation>
        </message>
        <message>
            <source>Rows: a neuron shows its value; point at it for a, b and its formula.</source>
            <translation>Rows: a neuron shows its value; point at it for a, b and its formula.</translation>
        </message>
        <message>
            <source>On a small canvas the layers are tight rows: each neuron shows its value z; pointing at it shows its weighted sum a, its bias b and its formula, and writes the weights of its edges.</source>
            <translation>On a small canvas the layers are tight rows: each neuron shows its value z; pointing at it shows its weighted sum a, its bias b and its formula, and writes the weights of its edges.</translation>
        </message>
        <message>
            <source>value (a, z, w, b)</source>
            <translation>value (a, z, w, b)</translation>
        </message>
        <message>
            <source>edge width ∝ |w|</source>
            <translation>edge width ∝ |w|</translation>
        </message>
    </context>
    <context>
        <name>NetworkView</name>
        <message>
            <source>Input x ({n})</source>
            <translation>Input x ({n})</translation>
        </message>
        <message>
            <source>Input x</source>
            <translation>Input x</translation>
        </message>
        <message>
            <source>Output y · {act}</source>
            <translation>Output y · {act}</translation>
        </message>
        <message>
            <source>Hidden {l} · {act} ({n})</source>
            <translation>Hidden {l} · {act} ({n})</translation>
        </message>
        <message>
            <source>step function</source>
            <translation>step function</translation>
        </message>
        <message>
            <source>sigmoid</source>
            <translation>sigmoid</translation>
        </message>
        <message>
            <source>softmax</source>
            <translation>softmax</translation>
        </message>
        <message>
            <source>identity</source>
            <translation>identity</translation>
        </message>
        <message>
            <source>Hidden {l} · {act}</source>
            <translation>Hidden {l} · {act}</translation>
        </message>
        <message>
            <source>{n} neurons</source>
            <translation>{n} neurons</translation>
        </message>
        <message>
            <source>weight W{l}[{i},{j}] = {w}</source>
            <translation>weight W{l}[{i},{j}] = {w}</translation>
        </message>
        <message>
            <source>{why} The weight was kept.</source>
            <translation>{why} The weight was kept.</translation>
        </message>
        <message>
            <source>from neuron {i} of layer {l0} to neuron {j} of layer {l1}</source>
            <translation>from neuron {i} of layer {l0} to neuron {j} of layer {l1}</translation>
        </message>
        <message>
            <source>gradient ∂L/∂w = {g}</source>
            <translation>gradient ∂L/∂w = {g}</translation>
        </message>
        <message>
            <source>Click to edit</source>
            <translation>Click to edit</translation>
        </message>
        <message>
            <source>bias b{l}[{j}] = {b}
Click to edit</source>
            <translation>bias b{l}[{j}] = {b}
Click to edit</translation>
        </message>
        <message>
            <source>Enter applies the value, Esc cancels</source>
            <translation>Enter applies the value, Esc cancels</translation>
        </message>
    </context>
    <context>
        <name>NeuronFormula</name>
        <message>
            <source>input x{j} = {v}</source>
            <translation>input x{j} = {v}</translation>
        </message>
        <message>
            <source>… ({n} terms)</source>
            <translation>… ({n} terms)</translation>
        </message>
        <message>
            <source>layer {l}, neuron {j}</source>
            <translation>layer {l}, neuron {j}</translation>
        </message>
        <message>
            <source>(step function: 1 when a &gt; 0, else 0)</source>
            <translation>(step function: 1 when a &gt; 0, else 0)</translation>
        </message>
        <message>
            <source>full precision: a = {a}, z = {z}</source>
            <translation>full precision: a = {a}, z = {z}</translation>
        </message>
    </context>
    <context>
        <name>NumberInput</name>
        <message>
            <source>“{t}” is not a finite number.</source>
            <translation>“{t}” is not a finite number.</translation>
        </message>
        <message>
            <source>“{t}” is ambiguous: a comma can separate thousands (1,000 = 1000) or decimals (1,5 = 1.5). Type it without the comma, with a point for decimals (1000 or 1.0).</source>
            <translation>“{t}” is ambiguous: a comma can separate thousands (1,000 = 1000) or decimals (1,5 = 1.5). Type it without the comma, with a point for decimals (1000 or 1.0).</translation>
        </message>
        <message>
            <source>“{t}” is not written with the digits 0–9 (full-width or Arabic-Indic digits are not read); type it with 0–9.</source>
            <translation>“{t}” is not written with the digits 0–9 (full-width or Arabic-Indic digits are not read); type it with 0–9.</translation>
        </message>
    </context>
    <context>
        <name>OptimizerRace</name>
        <message>
            <source>bowl</source>
            <translation>bowl</translation>
        </message>
        <message>
            <source>long valley (Rosenbrock)</source>
            <translation>long valley (Rosenbrock)</translation>
        </message>
        <message>
            <source>saddle</source>
            <translation>saddle</translation>
        </message>
        <message>
            <source>The loss surface L(x, y) the optimizers descend</source>
            <translation>The loss surface L(x, y) the optimizers descend</translation>
        </message>
        <message>
            <source>▶ Play</source>
            <translation>▶ Play</translation>
        </message>
        <message>
            <source>Start or pause the race (Space)</source>
            <translation>Start or pause the race (Space)</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Step</translation>
        </message>
        <message>
            <source>One update of every optimizer</source>
            <translation>One update of every optimizer</translation>
        </message>
        <message>
            <source>⟲ Reset</source>
            <translation>⟲ Reset</translation>
        </message>
        <message>
            <source>Back to the start point</source>
            <translation>Back to the start point</translation>
        </message>
        <message>
            <source>Speed: updates per frame (25 frames per second)</source>
            <translation>Speed: updates per frame (25 frames per second)</translation>
        </message>
        <message>
            <source>speed</source>
            <translation>speed</translation>
        </message>
        <message>
            <source>Number of updates in the race</source>
            <translation>Number of updates in the race</translation>
        </message>
        <message>
            <source>steps</source>
            <translation>steps</translation>
        </message>
        <message>
            <source>Updates done so far / in the race</source>
            <translation>Updates done so far / in the race</translation>
        </message>
        <message>
            <source>surface</source>
            <translation>surface</translation>
        </message>
        <message>
            <source>Wheel: zoom · drag: pan · right-click: view menu</source>
            <translation>Wheel: zoom · drag: pan · right-click: view menu</translation>
        </message>
        <message>
            <source>The surface's formula; ★ is its minimum, □ the start</source>
            <translation>The surface's formula; ★ is its minimum, □ the start</translation>
        </message>
        <message>
            <source>Optimizers</source>
            <translation>Optimizers</translation>
        </message>
        <message>
            <source>Tick to race; the learning rate of each optimizer</source>
            <translation>Tick to race; the learning rate of each optimizer</translation>
        </message>
        <message>
            <source>learning rate</source>
            <translation>learning rate</translation>
        </message>
        <message>
            <source>now</source>
            <translation>now</translation>
        </message>
        <message>
            <source>Show {name}'s path</source>
            <translation>Show {name}'s path</translation>
        </message>
        <message>
            <source>Learning rate of {name} (handout default {d})</source>
            <translation>Learning rate of {name} (handout default {d})</translation>
        </message>
        <message>
            <source>Loss L at {name}'s current point</source>
            <translation>Loss L at {name}'s current point</translation>
        </message>
        <message>
            <source>Handout rates</source>
            <translation>Handout rates</translation>
        </message>
        <message>
            <source>The handouts' default learning rates</source>
            <translation>The handouts' default learning rates</translation>
        </message>
        <message>
            <source>Suggested rates</source>
            <translation>Suggested rates</translation>
        </message>
        <message>
            <source>Learning rates that make a good race on this surface</source>
            <translation>Learning rates that make a good race on this surface</translation>
        </message>
        <message>
            <source>{name}:  {formula}</source>
            <translation>{name}:  {formula}</translation>
        </message>
        <message>
            <source>diverged at step {k}</source>
            <translation>diverged at step {k}</translation>
        </message>
        <message>
            <source>The learning rate is too large for this surface: the steps overshoot and grow</source>
            <translation>The learning rate is too large for this surface: the steps overshoot and grow</translation>
        </message>
        <message>
            <source>L = {v}</source>
            <translation>L = {v}</translation>
        </message>
        <message>
            <source>L = {v} at ({x}, {y})</source>
            <translation>L = {v} at ({x}, {y})</translation>
        </message>
        <message>
            <source>step {k} / {n}</source>
            <translation>step {k} / {n}</translation>
        </message>
        <message>
            <source>❚❚ Pause</source>
            <translation>❚❚ Pause</translation>
        </message>
    </context>
    <context>
        <name>OutputsPanel</name>
        <message>
            <source>The network's answer for the current input</source>
            <translation>The network's answer for the current input</translation>
        </message>
        <message>
            <source>output</source>
            <translation>output</translation>
        </message>
        <message>
            <source>Each output neuron's weighted sum a and output y</source>
            <translation>Each output neuron's weighted sum a and output y</translation>
        </message>
        <message>
            <source>Probabilities (softmax)</source>
            <translation>Probabilities (softmax)</translation>
        </message>
        <message>
            <source>Compare with the textbook softmax</source>
            <translation>Compare with the textbook softmax</translation>
        </message>
        <message>
            <source>Show softmax computed as e^a / Σ e^a, which overflows for large a, beside the stable e^(a − max a) / Σ e^(a − max a) the network uses</source>
            <translation>Show softmax computed as e^a / Σ e^a, which overflows for large a, beside the stable e^(a − max a) / Σ e^(a − max a) the network uses</translation>
        </message>
        <message>
            <source>Textbook e^a / Σ e^a: {y}</source>
            <translation>Textbook e^a / Σ e^a: {y}</translation>
        </message>
        <message>
            <source>Max subtracted e^(a − max a) / Σ e^(a − max a): {y}</source>
            <translation>Max subtracted e^(a − max a) / Σ e^(a − max a): {y}</translation>
        </message>
        <message>
            <source>y = {y}  →  class {k}</source>
            <translation>y = {y}  →  class {k}</translation>
        </message>
        <message>
            <source>predicted class: {k}</source>
            <translation>predicted class: {k}</translation>
        </message>
        <message>
            <source>(label {d})</source>
            <translation>(label {d})</translation>
        </message>
        <message>
            <source>nan (overflow: e^{a} = ∞)</source>
            <translation>nan (overflow: e^{a} = ∞)</translation>
        </message>
    </context>
    <context>
        <name>PadCanvas</name>
        <message>
            <source>Draw a digit with the mouse (hold the left button)</source>
            <translation>Draw a digit with the mouse (hold the left button)</translation>
        </message>
    </context>
    <context>
        <name>PlotCommon</name>
        <message>
            <source>epochs</source>
            <translation>epochs</translation>
        </message>
        <message>
            <source>samples seen</source>
            <translation>samples seen</translation>
        </message>
        <message>
            <source>Plot against completed epochs or against the number of training samples seen</source>
            <translation>Plot against completed epochs or against the number of training samples seen</translation>
        </message>
        <message>
            <source>x axis:</source>
            <translation>x axis:</translation>
        </message>
    </context>
    <context>
        <name>PlotExport</name>
        <message>
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>PNG image</source>
            <translation>PNG image</translation>
        </message>
        <message>
            <source>SVG drawing</source>
            <translation>SVG drawing</translation>
        </message>
        <message>
            <source>CSV numbers</source>
            <translation>CSV numbers</translation>
        </message>
        <message>
            <source>Width of the picture, whatever the size of the panel</source>
            <translation>Width of the picture, whatever the size of the panel</translation>
        </message>
        <message>
            <source>Height of the picture, whatever the size of the panel</source>
            <translation>Height of the picture, whatever the size of the panel</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>Format:</translation>
        </message>
        <message>
            <source>Width:</source>
            <translation>Width:</translation>
        </message>
        <message>
            <source>Height:</source>
            <translation>Height:</translation>
        </message>
        <message>
            <source>Save…</source>
            <translation>Save…</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG image (*.png)</translation>
        </message>
        <message>
            <source>SVG drawing (*.svg)</source>
            <translation>SVG drawing (*.svg)</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV table (*.csv)</translation>
        </message>
        <message>
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <source>Could not write {path}</source>
            <translation>Could not write {path}</translation>
        </message>
        <message>
            <source>The file could not be written: {why}</source>
            <translation>The file could not be written: {why}</translation>
        </message>
    </context>
    <context>
        <name>Presentation</name>
        <message>
            <source>&amp;Presentation Mode</source>
            <translation>&amp;Presentation Mode</translation>
        </message>
        <message>
            <source>Full screen with large text: only the network, the explanation and the lesson's plot (F5; Esc leaves)</source>
            <translation>Full screen with large text: only the network, the explanation and the lesson's plot (F5; Esc leaves)</translation>
        </message>
        <message>
            <source>Leave presentation mode</source>
            <translation>Leave presentation mode</translation>
        </message>
        <message>
            <source>&amp;Text Size</source>
            <translation>&amp;Text Size</translation>
        </message>
        <message>
            <source>{p} %</source>
            <translation>{p} %</translation>
        </message>
        <message>
            <source>Text, network and plots at {p} % (stored)</source>
            <translation>Text, network and plots at {p} % (stored)</translation>
        </message>
    </context>
    <context>
        <name>PretrainedNetwork</name>
        <message>
            <source>The pretrained network is not installed yet: it will be trained from MNIST as soon as the images are loaded.</source>
            <translation>The pretrained network is not installed yet: it will be trained from MNIST as soon as the images are loaded.</translation>
        </message>
        <message>
            <source>Preparing the pretrained network… {p} (random weights until it is ready)</source>
            <translation>Preparing the pretrained network… {p} (random weights until it is ready)</translation>
        </message>
        <message>
            <source>The pretrained network is ready: test accuracy {a}</source>
            <translation>The pretrained network is ready: test accuracy {a}</translation>
        </message>
        <message>
            <source>The pretrained network is ready (test accuracy {a}); reopen the lesson to use it.</source>
            <translation>The pretrained network is ready (test accuracy {a}); reopen the lesson to use it.</translation>
        </message>
        <message>
            <source>The pretrained network could not be prepared: {m}</source>
            <translation>The pretrained network could not be prepared: {m}</translation>
        </message>
    </context>
    <context>
        <name>ProbabilityBars</name>
        <message>
            <source>Softmax output: the probability of each class</source>
            <translation>Softmax output: the probability of each class</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>Folder</source>
            <comment>All other platforms</comment>
            <translation>Folder</translation>
        </message>
        <message>
            <source>Drive</source>
            <translation>Drive</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Look in:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>Files of &amp;type:</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>Discard</source>
            <translation>Discard</translation>
        </message>
    </context>
    <context>
        <name>RegularisationPanel</name>
        <message>
            <source>Weight decay and dropout</source>
            <translation>Weight decay and dropout</translation>
        </message>
        <message>
            <source>Keep the weights small or the neurons independent, so the network generalises instead of memorising</source>
            <translation>Keep the weights small or the neurons independent, so the network generalises instead of memorising</translation>
        </message>
        <message>
            <source>L1 decay λ₁: adds λ₁·sign(w) to each weight's gradient, pushing unneeded weights to exactly 0 (biases are not decayed). 0 = off</source>
            <translation>L1 decay λ₁: adds λ₁·sign(w) to each weight's gradient, pushing unneeded weights to exactly 0 (biases are not decayed). 0 = off</translation>
        </message>
        <message>
            <source>L1 λ₁</source>
            <translation>L1 λ₁</translation>
        </message>
        <message>
            <source>L2 decay λ₂ (weight decay): adds λ₂·w to each weight's gradient (loss + λ₂/2·|W|²), shrinking every weight a little at each update. 0 = off</source>
            <translation>L2 decay λ₂ (weight decay): adds λ₂·w to each weight's gradient (loss + λ₂/2·|W|²), shrinking every weight a little at each update. 0 = off</translation>
        </message>
        <message>
            <source>L2 λ₂</source>
            <translation>L2 λ₂</translation>
        </message>
        <message>
            <source>one dropout rate for all hidden layers</source>
            <translation>one dropout rate for all hidden layers</translation>
        </message>
        <message>
            <source>Checked: one rate for every hidden layer; unchecked: a rate per hidden layer</source>
            <translation>Checked: one rate for every hidden layer; unchecked: a rate per hidden layer</translation>
        </message>
        <message>
            <source>Early stopping</source>
            <translation>Early stopping</translation>
        </message>
        <message>
            <source>Hold out part of the training set, watch its loss, and stop when it no longer improves</source>
            <translation>Hold out part of the training set, watch its loss, and stop when it no longer improves</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>Share of the training samples held out for validation: never trained on, shown as the validation curve. Changing it restarts the run</source>
            <translation>Share of the training samples held out for validation: never trained on, shown as the validation curve. Changing it restarts the run</translation>
        </message>
        <message>
            <source>validation split</source>
            <translation>validation split</translation>
        </message>
        <message>
            <source>off</source>
            <translation>off</translation>
        </message>
        <message>
            <source> epochs</source>
            <translation> epochs</translation>
        </message>
        <message>
            <source>Stop after this many epochs without a lower validation loss, and go back to the best epoch's weights (0 = off)</source>
            <translation>Stop after this many epochs without a lower validation loss, and go back to the best epoch's weights (0 = off)</translation>
        </message>
        <message>
            <source>patience</source>
            <translation>patience</translation>
        </message>
        <message>
            <source>Apply and restart</source>
            <translation>Apply and restart</translation>
        </message>
        <message>
            <source>Hold out the new validation split and start the run again from its initial weights (the training set changes, so the curves start again)</source>
            <translation>Hold out the new validation split and start the run again from its initial weights (the training set changes, so the curves start again)</translation>
        </message>
        <message>
            <source>Learning-rate schedule</source>
            <translation>Learning-rate schedule</translation>
        </message>
        <message>
            <source>How the learning rate changes from epoch to epoch; the base rate η is set under Hyper-parameters</source>
            <translation>How the learning rate changes from epoch to epoch; the base rate η is set under Hyper-parameters</translation>
        </message>
        <message>
            <source>constant: η</source>
            <translation>constant: η</translation>
        </message>
        <message>
            <source>step decay: η·γ^⌊e/s⌋</source>
            <translation>step decay: η·γ^⌊e/s⌋</translation>
        </message>
        <message>
            <source>exponential: η·γ^e</source>
            <translation>exponential: η·γ^e</translation>
        </message>
        <message>
            <source>cosine: down to η_min</source>
            <translation>cosine: down to η_min</translation>
        </message>
        <message>
            <source>Learning rate of epoch e: constant, divided by γ every s epochs, multiplied by γ every epoch, or half a cosine from η to η_min over the run</source>
            <translation>Learning rate of epoch e: constant, divided by γ every s epochs, multiplied by γ every epoch, or half a cosine from η to η_min over the run</translation>
        </message>
        <message>
            <source>schedule</source>
            <translation>schedule</translation>
        </message>
        <message>
            <source>s: the learning rate is multiplied by γ every s epochs</source>
            <translation>s: the learning rate is multiplied by γ every s epochs</translation>
        </message>
        <message>
            <source>γ: the factor applied at each decay (1 = no decay)</source>
            <translation>γ: the factor applied at each decay (1 = no decay)</translation>
        </message>
        <message>
            <source>η_min: the learning rate at the last epoch</source>
            <translation>η_min: the learning rate at the last epoch</translation>
        </message>
        <message>
            <source>every s epochs</source>
            <translation>every s epochs</translation>
        </message>
        <message>
            <source>factor γ</source>
            <translation>factor γ</translation>
        </message>
        <message>
            <source>η_min</source>
            <translation>η_min</translation>
        </message>
        <message>
            <source>The learning rate the next updates use (live while training)</source>
            <translation>The learning rate the next updates use (live while training)</translation>
        </message>
        <message>
            <source>Data augmentation (images)</source>
            <translation>Data augmentation (images)</translation>
        </message>
        <message>
            <source>Each epoch trains on new randomly moved and noisy copies of the images: more variety, same labels</source>
            <translation>Each epoch trains on new randomly moved and noisy copies of the images: more variety, same labels</translation>
        </message>
        <message>
            <source>Largest rotation: each image turns by a random angle within ± this</source>
            <translation>Largest rotation: each image turns by a random angle within ± this</translation>
        </message>
        <message>
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <source>Largest shift: each image moves by a random amount within ± this many pixels, across and down</source>
            <translation>Largest shift: each image moves by a random amount within ± this many pixels, across and down</translation>
        </message>
        <message>
            <source>Noise σ: Gaussian noise added to every pixel (in the inputs' units), then clipped to their range</source>
            <translation>Noise σ: Gaussian noise added to every pixel (in the inputs' units), then clipped to their range</translation>
        </message>
        <message>
            <source>rotation ±</source>
            <translation>rotation ±</translation>
        </message>
        <message>
            <source>shift ±</source>
            <translation>shift ±</translation>
        </message>
        <message>
            <source>noise σ</source>
            <translation>noise σ</translation>
        </message>
        <message>
            <source>This lesson has nothing to train.</source>
            <translation>This lesson has nothing to train.</translation>
        </message>
        <message>
            <source>The perceptron's learning rule has no regularisation, schedule or augmentation: they come with backpropagation.</source>
            <translation>The perceptron's learning rule has no regularisation, schedule or augmentation: they come with backpropagation.</translation>
        </message>
        <message>
            <source>No hidden layer: nothing to drop out.</source>
            <translation>No hidden layer: nothing to drop out.</translation>
        </message>
        <message>
            <source>Dropout rate p: during training each output of this layer is set to 0 with probability p (the others are scaled by 1/(1−p)); never when evaluating. 0 = off</source>
            <translation>Dropout rate p: during training each output of this layer is set to 0 with probability p (the others are scaled by 1/(1−p)); never when evaluating. 0 = off</translation>
        </message>
        <message>
            <source>dropout, all hidden layers</source>
            <translation>dropout, all hidden layers</translation>
        </message>
        <message>
            <source>dropout, hidden layer {n}</source>
            <translation>dropout, hidden layer {n}</translation>
        </message>
        <message>
            <source>η now: {lr} (epoch {e})</source>
            <translation>η now: {lr} (epoch {e})</translation>
        </message>
        <message>
            <source>The learning rate the next updates use (live while training): {v}</source>
            <translation>The learning rate the next updates use (live while training): {v}</translation>
        </message>
        <message>
            <source>A new validation split changes the training set: press "Apply and restart" (the run starts again).</source>
            <translation>A new validation split changes the training set: press "Apply and restart" (the run starts again).</translation>
        </message>
        <message>
            <source>Early stopping needs a validation split.</source>
            <translation>Early stopping needs a validation split.</translation>
        </message>
    </context>
    <context>
        <name>RunComparison</name>
        <message>
            <source>samples seen</source>
            <translation>samples seen</translation>
        </message>
        <message>
            <source>Remove</source>
            <extracomment>the runs shown: the lesson model's history (its current lesson), or a history of this view's own when it runs alone</extracomment>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Remove the selected run from the comparison</source>
            <translation>Remove the selected run from the comparison</translation>
        </message>
        <message>
            <source>Clear all</source>
            <translation>Clear all</translation>
        </message>
        <message>
            <source>Remove every run from the comparison</source>
            <translation>Remove every run from the comparison</translation>
        </message>
        <message>
            <source>Save the curves as PNG or SVG, or the runs' numbers as CSV</source>
            <translation>Save the curves as PNG or SVG, or the runs' numbers as CSV</translation>
        </message>
        <message>
            <source>No runs kept yet: finish a run and keep it to compare it here.</source>
            <translation>No runs kept yet: finish a run and keep it to compare it here.</translation>
        </message>
        <message>
            <source>Runs appear here when you keep them</source>
            <translation>Runs appear here when you keep them</translation>
        </message>
        <message>
            <source>Wheel: zoom · drag: pan · right-click: view menu</source>
            <translation>Wheel: zoom · drag: pan · right-click: view menu</translation>
        </message>
        <message>
            <source>test loss</source>
            <translation>test loss</translation>
        </message>
        <message>
            <source>test accuracy</source>
            <translation>test accuracy</translation>
        </message>
        <message>
            <source>Each kept run's hyper-parameters and final results; select a row to highlight its curves</source>
            <translation>Each kept run's hyper-parameters and final results; select a row to highlight its curves</translation>
        </message>
        <message>
            <source>epoch</source>
            <translation>epoch</translation>
        </message>
        <message>
            <source>final test loss</source>
            <translation>final test loss</translation>
        </message>
        <message>
            <source>final test accuracy</source>
            <translation>final test accuracy</translation>
        </message>
        <message>
            <source>best test accuracy</source>
            <translation>best test accuracy</translation>
        </message>
        <message>
            <source>run</source>
            <translation>run</translation>
        </message>
        <message>
            <source>Export the comparison</source>
            <translation>Export the comparison</translation>
        </message>
        <message>
            <source>optimizer</source>
            <translation>optimizer</translation>
        </message>
        <message>
            <source>learning rate η</source>
            <translation>learning rate η</translation>
        </message>
        <message>
            <source>batch size</source>
            <translation>batch size</translation>
        </message>
        <message>
            <source>loss function</source>
            <translation>loss function</translation>
        </message>
        <message>
            <source>random seed</source>
            <translation>random seed</translation>
        </message>
        <message>
            <source>epochs</source>
            <translation>epochs</translation>
        </message>
        <message>
            <source>momentum β</source>
            <translation>momentum β</translation>
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
            <translation>decay ρ</translation>
        </message>
        <message>
            <source>activation</source>
            <translation>activation</translation>
        </message>
        <message>
            <source>weight decay λ</source>
            <translation>weight decay λ</translation>
        </message>
        <message>
            <source>dropout</source>
            <translation>dropout</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
    </context>
    <context>
        <name>RunControls</name>
        <message>
            <source>Training</source>
            <extracomment>refresh choices: (unit, every); every 0 = only at the end</extracomment>
            <translation>Training</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Play</translation>
        </message>
        <message>
            <source>Train continuously / pause after the current step (Space)</source>
            <translation>Train continuously / pause after the current step (Space)</translation>
        </message>
        <message>
            <source>Sample</source>
            <translation>Sample</translation>
        </message>
        <message>
            <source>Train on one sample and show what changed (→)</source>
            <translation>Train on one sample and show what changed (→)</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>Train on one mini-batch: one update of the weights (Shift+→)</source>
            <translation>Train on one mini-batch: one update of the weights (Shift+→)</translation>
        </message>
        <message>
            <source>Epoch</source>
            <translation>Epoch</translation>
        </message>
        <message>
            <source>Train on the rest of the epoch: every training sample once (Ctrl+→)</source>
            <translation>Train on the rest of the epoch: every training sample once (Ctrl+→)</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Reset</translation>
        </message>
        <message>
            <source>Back to this run's initial weights (the same ones, so runs can be compared) (Ctrl+R)</source>
            <translation>Back to this run's initial weights (the same ones, so runs can be compared) (Ctrl+R)</translation>
        </message>
        <message>
            <source>New random weights</source>
            <translation>New random weights</translation>
        </message>
        <message>
            <source>Draw new random initial weights (the next seed) and reset</source>
            <translation>Draw new random initial weights (the next seed) and reset</translation>
        </message>
        <message>
            <source> ms</source>
            <translation> ms</translation>
        </message>
        <message>
            <source>delay </source>
            <translation>delay </translation>
        </message>
        <message>
            <source>Speed: pause after each shown step while playing (0 = as fast as possible)</source>
            <translation>Speed: pause after each shown step while playing (0 = as fast as possible)</translation>
        </message>
        <message>
            <source>Refresh rate: how often the views follow the training while playing (fewer refreshes = faster training)</source>
            <translation>Refresh rate: how often the views follow the training while playing (fewer refreshes = faster training)</translation>
        </message>
        <message>
            <source>stop at epoch </source>
            <translation>stop at epoch </translation>
        </message>
        <message>
            <source>Playing stops after this many epochs</source>
            <translation>Playing stops after this many epochs</translation>
        </message>
        <message>
            <source>stop at accuracy </source>
            <translation>stop at accuracy </translation>
        </message>
        <message>
            <source>stop at accuracy: off</source>
            <translation>stop at accuracy: off</translation>
        </message>
        <message>
            <source>Playing stops once the test accuracy reaches this (0 = off)</source>
            <translation>Playing stops once the test accuracy reaches this (0 = off)</translation>
        </message>
        <message>
            <source>Completed epochs (rounds) and samples trained since the start (or the last reset)</source>
            <translation>Completed epochs (rounds) and samples trained since the start (or the last reset)</translation>
        </message>
        <message>
            <source>refresh: only at the end</source>
            <translation>refresh: only at the end</translation>
        </message>
        <message>
            <source>every sample</source>
            <translation>every sample</translation>
        </message>
        <message>
            <source>every {n} samples</source>
            <translation>every {n} samples</translation>
        </message>
        <message>
            <source>every batch</source>
            <translation>every batch</translation>
        </message>
        <message>
            <source>every {n} batches</source>
            <translation>every {n} batches</translation>
        </message>
        <message>
            <source>every epoch</source>
            <translation>every epoch</translation>
        </message>
        <message>
            <source>every {n} epochs</source>
            <translation>every {n} epochs</translation>
        </message>
        <message>
            <source>refresh: </source>
            <translation>refresh: </translation>
        </message>
        <message>
            <source> epoch {e} · samples {n} </source>
            <translation> epoch {e} · samples {n} </translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
    </context>
    <context>
        <name>RunJobs</name>
        <message>
            <source>Training stopped: the loss became NaN or infinite</source>
            <extracomment>How long closing the window or switching lessons waits for the worker (it stops between steps; one MNIST epoch step is the longest, about a second). A kernel compile cannot be interrupted and may take longer: such a thread is parked (:func:`park`), never destroyed. threads that did not stop in time, with their workers, kept alive until they end</extracomment>
            <translation>Training stopped: the loss became NaN or infinite</translation>
        </message>
        <message>
            <source>All {n} epochs are done</source>
            <translation>All {n} epochs are done</translation>
        </message>
        <message>
            <source>Early stopping: the validation loss has not improved for {n} epochs; the weights are back to the best epoch's</source>
            <translation>Early stopping: the validation loss has not improved for {n} epochs; the weights are back to the best epoch's</translation>
        </message>
        <message>
            <source>Stopped: the accuracy reached the goal</source>
            <translation>Stopped: the accuracy reached the goal</translation>
        </message>
        <message>
            <source>Paused at epoch {e}, {n} samples</source>
            <translation>Paused at epoch {e}, {n} samples</translation>
        </message>
        <message>
            <source>Training failed: {e}</source>
            <translation>Training failed: {e}</translation>
        </message>
    </context>
    <context>
        <name>SampleBrowser</name>
        <message>
            <source>Test images: label → prediction (red = wrong). Click one to feed it to the network.</source>
            <translation>Test images: label → prediction (red = wrong). Click one to feed it to the network.</translation>
        </message>
        <message>
            <source>All test images</source>
            <translation>All test images</translation>
        </message>
        <message>
            <source>Misclassified (most confident first)</source>
            <translation>Misclassified (most confident first)</translation>
        </message>
        <message>
            <source>One digit</source>
            <translation>One digit</translation>
        </message>
        <message>
            <source>Confusion cell</source>
            <translation>Confusion cell</translation>
        </message>
        <message>
            <source>Which test images to show</source>
            <translation>Which test images to show</translation>
        </message>
        <message>
            <source>The digit to show (true label)</source>
            <translation>The digit to show (true label)</translation>
        </message>
        <message>
            <source>How many images the filter shows</source>
            <translation>How many images the filter shows</translation>
        </message>
        <message>
            <source>Why no images are shown</source>
            <translation>Why no images are shown</translation>
        </message>
        <message>
            <source>Confusion cell: label {t}, predicted {p}</source>
            <translation>Confusion cell: label {t}, predicted {p}</translation>
        </message>
        <message>
            <source>{n} of {total}</source>
            <translation>{n} of {total}</translation>
        </message>
        <message>
            <source>Evaluating the network … the filter applies when the predictions are known.</source>
            <translation>Evaluating the network … the filter applies when the predictions are known.</translation>
        </message>
        <message>
            <source>No test image matches this filter.</source>
            <translation>No test image matches this filter.</translation>
        </message>
    </context>
    <context>
        <name>SavedWork</name>
        <message>
            <source>The saved network does not fit this lesson's data.</source>
            <translation>The saved network does not fit this lesson's data.</translation>
        </message>
        <message>
            <source>Restored: epoch {e}, {n} samples, {k} points on the curves</source>
            <translation>Restored: epoch {e}, {n} samples, {k} points on the curves</translation>
        </message>
        <message>
            <source>The lesson {id} no longer exists; only the network was restored.</source>
            <translation>The lesson {id} no longer exists; only the network was restored.</translation>
        </message>
    </context>
    <context>
        <name>SettingsGuard</name>
        <message>
            <source>The settings file {path} could not be used ({why}). It was moved to {bad} and nnviz starts with the default settings (language, window layout, recent files).</source>
            <translation>The settings file {path} could not be used ({why}). It was moved to {bad} and nnviz starts with the default settings (language, window layout, recent files).</translation>
        </message>
        <message>
            <source>The settings file {path} could not be used ({why}) and could not be moved; nnviz ignores it and starts with the default settings.</source>
            <translation>The settings file {path} could not be used ({why}) and could not be moved; nnviz ignores it and starts with the default settings.</translation>
        </message>
        <message>
            <source>Settings reset</source>
            <translation>Settings reset</translation>
        </message>
    </context>
    <context>
        <name>SpecChecks</name>
        <message>
            <source>The learning rate must be greater than 0 and at most 1000 (you typed {v:g}).</source>
            <translation>The learning rate must be greater than 0 and at most 1000 (you typed {v:g}).</translation>
        </message>
        <message>
            <source>A layer needs between 1 and {n} neurons.</source>
            <translation>A layer needs between 1 and {n} neurons.</translation>
        </message>
        <message>
            <source>This network would have {n:,} parameters; nnviz allows at most {m:,} (it would not fit in memory). Use fewer or smaller layers.</source>
            <translation>This network would have {n:,} parameters; nnviz allows at most {m:,} (it would not fit in memory). Use fewer or smaller layers.</translation>
        </message>
        <message>
            <source>The batch size {b} is larger than the {n} training samples: using {n} (one update per epoch).</source>
            <translation>The batch size {b} is larger than the {n} training samples: using {n} (one update per epoch).</translation>
        </message>
        <message>
            <source>Not applied: {e}</source>
            <translation>Not applied: {e}</translation>
        </message>
    </context>
    <context>
        <name>StartUp</name>
        <message>
            <source>No such lesson</source>
            <translation>No such lesson</translation>
        </message>
        <message>
            <source>There is no lesson called “{name}”.</source>
            <translation>There is no lesson called “{name}”.</translation>
        </message>
        <message>
            <source>The lessons are: {ids}</source>
            <translation>The lessons are: {ids}</translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>Cannot open</translation>
        </message>
        <message>
            <source>There is no file {path}.</source>
            <translation>There is no file {path}.</translation>
        </message>
    </context>
    <context>
        <name>StepDetail</name>
        <message>
            <source>The handout's round table: every sample as the perceptron rule W ← W + η(d − y)·x trains on it</source>
            <extracomment>lines kept in the round table (older ones scroll away) numbers shown per vector in the MLP detail (wide layers are cut with "…") largest weight changes listed per step</extracomment>
            <translation>The handout's round table: every sample as the perceptron rule W ← W + η(d − y)·x trains on it</translation>
        </message>
        <message>
            <source>The last sample of the step: forward values, loss, each layer's δ and the largest weight changes</source>
            <translation>The last sample of the step: forward values, loss, each layer's δ and the largest weight changes</translation>
        </message>
        <message>
            <source>round</source>
            <translation>round</translation>
        </message>
        <message>
            <source>error d−y</source>
            <translation>error d−y</translation>
        </message>
        <message>
            <source>Step through the training (→ one sample, Shift+→ one batch, Ctrl+→ one epoch) to see what each step changes.</source>
            <translation>Step through the training (→ one sample, Shift+→ one batch, Ctrl+→ one epoch) to see what each step changes.</translation>
        </message>
        <message>
            <source>after round {r}: accuracy {a}</source>
            <translation>after round {r}: accuracy {a}</translation>
        </message>
        <message>
            <source>Accuracy of the weights after the round on every training sample</source>
            <translation>Accuracy of the weights after the round on every training sample</translation>
        </message>
        <message>
            <source>Last sample of the step</source>
            <translation>Last sample of the step</translation>
        </message>
        <message>
            <source>input x</source>
            <translation>input x</translation>
        </message>
        <message>
            <source>target t</source>
            <translation>target t</translation>
        </message>
        <message>
            <source>output y</source>
            <translation>output y</translation>
        </message>
        <message>
            <source>loss L</source>
            <translation>loss L</translation>
        </message>
        <message>
            <source>Deltas δ = ∂L/∂a per layer (before the update)</source>
            <translation>Deltas δ = ∂L/∂a per layer (before the update)</translation>
        </message>
        <message>
            <source>Largest weight changes in this step</source>
            <translation>Largest weight changes in this step</translation>
        </message>
    </context>
    <context>
        <name>StepEditor</name>
        <message>
            <source>Lowercase letters, digits, - and _; unique in the guide (the student's progress remembers it)</source>
            <translation>Lowercase letters, digits, - and _; unique in the guide (the student's progress remembers it)</translation>
        </message>
        <message>
            <source>Title in English</source>
            <translation>Title in English</translation>
        </message>
        <message>
            <source>Title in Korean</source>
            <translation>Title in Korean</translation>
        </message>
        <message>
            <source>What the student reads, in English</source>
            <translation>What the student reads, in English</translation>
        </message>
        <message>
            <source>What the student reads, in Korean</source>
            <translation>What the student reads, in Korean</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Korean</source>
            <translation>Korean</translation>
        </message>
        <message>
            <source>Step id</source>
            <translation>Step id</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>The task, in English</source>
            <translation>The task, in English</translation>
        </message>
        <message>
            <source>The task, in Korean</source>
            <translation>The task, in Korean</translation>
        </message>
        <message>
            <source>Next opens once the check passes</source>
            <translation>Next opens once the check passes</translation>
        </message>
        <message>
            <source>Next is always open (the task is a suggestion)</source>
            <translation>Next is always open (the task is a suggestion)</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>Task</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>Task text</source>
            <translation>Task text</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>Next step</translation>
        </message>
        <message>
            <source>Keep the lesson's layout</source>
            <translation>Keep the lesson's layout</translation>
        </message>
        <message>
            <source>The lesson's own controls</source>
            <translation>The lesson's own controls</translation>
        </message>
        <message>
            <source>keep the input</source>
            <translation>keep the input</translation>
        </message>
        <message>
            <source>The data row fed in when the step opens (0-based: a gate's rows 0 = (0, 0) … 3 = (1, 1))</source>
            <translation>The data row fed in when the step opens (0-based: a gate's rows 0 = (0, 0) … 3 = (1, 1))</translation>
        </message>
        <message>
            <source>Start the run again from its initial weights</source>
            <translation>Start the run again from its initial weights</translation>
        </message>
        <message>
            <source>Use the weights on screen</source>
            <translation>Use the weights on screen</translation>
        </message>
        <message>
            <source>The step sets the weights and biases the network has now</source>
            <translation>The step sets the weights and biases the network has now</translation>
        </message>
        <message>
            <source>Keep the weights</source>
            <translation>Keep the weights</translation>
        </message>
        <message>
            <source>The step does not change the weights</source>
            <translation>The step does not change the weights</translation>
        </message>
        <message>
            <source>When the step opens</source>
            <translation>When the step opens</translation>
        </message>
        <message>
            <source>Panels shown</source>
            <translation>Panels shown</translation>
        </message>
        <message>
            <source>Controls enabled</source>
            <translation>Controls enabled</translation>
        </message>
        <message>
            <source>Input row</source>
            <translation>Input row</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>Weights</translation>
        </message>
        <message>
            <source>The step keeps the weights as they are.</source>
            <translation>The step keeps the weights as they are.</translation>
        </message>
        <message>
            <source>The step sets {arrays}.</source>
            <translation>The step sets {arrays}.</translation>
        </message>
    </context>
    <context>
        <name>StepHistory</name>
        <message>
            <source>1 epoch</source>
            <translation>1 epoch</translation>
        </message>
        <message>
            <source>1 batch</source>
            <translation>1 batch</translation>
        </message>
        <message>
            <source>1 sample</source>
            <translation>1 sample</translation>
        </message>
        <message>
            <source>{n} samples</source>
            <translation>{n} samples</translation>
        </message>
    </context>
    <context>
        <name>TrainingPlots</name>
        <message>
            <source>samples seen</source>
            <translation>samples seen</translation>
        </message>
        <message>
            <source>log loss</source>
            <translation>log loss</translation>
        </message>
        <message>
            <source>Logarithmic loss axis: small losses stay visible</source>
            <translation>Logarithmic loss axis: small losses stay visible</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Fit</translation>
        </message>
        <message>
            <source>Show all the points again after zooming or panning</source>
            <translation>Show all the points again after zooming or panning</translation>
        </message>
        <message>
            <source>Save the curves as a PNG or SVG picture, or their numbers as CSV</source>
            <translation>Save the curves as a PNG or SVG picture, or their numbers as CSV</translation>
        </message>
        <message>
            <source>Wheel: zoom · drag: pan · right-click: view menu</source>
            <translation>Wheel: zoom · drag: pan · right-click: view menu</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>loss</translation>
        </message>
        <message>
            <source>accuracy</source>
            <translation>accuracy</translation>
        </message>
        <message>
            <source>train</source>
            <translation>train</translation>
        </message>
        <message>
            <source>test</source>
            <translation>test</translation>
        </message>
        <message>
            <source>early stop</source>
            <translation>early stop</translation>
        </message>
        <message>
            <source>This lesson computes with the weights it is given; there is nothing to train, so no curves.</source>
            <translation>This lesson computes with the weights it is given; there is nothing to train, so no curves.</translation>
        </message>
        <message>
            <source>Press Play (Space) or step (→) and the loss and accuracy curves are drawn here.</source>
            <translation>Press Play (Space) or step (→) and the loss and accuracy curves are drawn here.</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>validation</translation>
        </message>
        <message>
            <source>epoch</source>
            <translation>epoch</translation>
        </message>
        <message>
            <source>epoch {e} · {s} samples</source>
            <translation>epoch {e} · {s} samples</translation>
        </message>
        <message>
            <source>train loss {a}   test loss {b}</source>
            <translation>train loss {a}   test loss {b}</translation>
        </message>
        <message>
            <source>   validation loss {v}</source>
            <translation>   validation loss {v}</translation>
        </message>
        <message>
            <source>train accuracy {a}   test accuracy {b}</source>
            <translation>train accuracy {a}   test accuracy {b}</translation>
        </message>
        <message>
            <source>   validation accuracy {v}</source>
            <translation>   validation accuracy {v}</translation>
        </message>
        <message>
            <source>Export the curves</source>
            <translation>Export the curves</translation>
        </message>
    </context>
    <context>
        <name>TrainingRun</name>
        <message>
            <source>This lesson has nothing to train.</source>
            <extracomment>a play's snapshot interval meaning "only at the end" run settings a saved session restores (and their checks) the trainer's state the next step starts from, as last reported (a TrainerCheckpoint; None: a fresh optimizer) — the explained step shows momentum/Adam with this state</extracomment>
            <translation>This lesson has nothing to train.</translation>
        </message>
        <message>
            <source>The lesson's data is not loaded yet.</source>
            <translation>The lesson's data is not loaded yet.</translation>
        </message>
        <message>
            <source>Cannot train this network: {e}</source>
            <translation>Cannot train this network: {e}</translation>
        </message>
        <message>
            <source>All {n} epochs are done: raise the number of epochs or reset.</source>
            <translation>All {n} epochs are done: raise the number of epochs or reset.</translation>
        </message>
        <message>
            <source>Training …</source>
            <translation>Training …</translation>
        </message>
        <message>
            <source>Reset to the initial weights</source>
            <translation>Reset to the initial weights</translation>
        </message>
        <message>
            <source>New random initial weights (seed {s})</source>
            <translation>New random initial weights (seed {s})</translation>
        </message>
        <message>
            <source>Back to the last good weights; learning rate {lr:g}</source>
            <translation>Back to the last good weights; learning rate {lr:g}</translation>
        </message>
        <message>
            <source>New validation split: the run starts again</source>
            <translation>New validation split: the run starts again</translation>
        </message>
    </context>
    <context>
        <name>TrainingWorker</name>
        <message>
            <source>The optimizer was changed since that step: its state starts fresh</source>
            <extracomment>rows kept when snapshots are merged (the perceptron's round tables) longest wait for the GUI to take a snapshot before training on (seconds) least training time between two snapshots, so a slow redraw cannot starve the training most snapshots per second: above the 30 fps a live refresh at every sample must reach (issue 18); the GUI's acknowledgement, not this cap, is what paces a slow redraw</extracomment>
            <translation>The optimizer was changed since that step: its state starts fresh</translation>
        </message>
        <message>
            <source>Loading the training kernels …</source>
            <translation>Loading the training kernels …</translation>
        </message>
        <message>
            <source>Kernels compiled ({s:.1f} s)</source>
            <translation>Kernels compiled ({s:.1f} s)</translation>
        </message>
        <message>
            <source>Kernels loaded ({s:.1f} s)</source>
            <translation>Kernels loaded ({s:.1f} s)</translation>
        </message>
    </context>
    <context>
        <name>WeightEditor</name>
        <message>
            <source>Which layer's weight matrix W and bias b to edit</source>
            <translation>Which layer's weight matrix W and bias b to edit</translation>
        </message>
        <message>
            <source>Rows: inputs of the layer (last row: bias). Columns: its neurons.
Double-click or type to edit; Ctrl+V pastes a block copied from a spreadsheet.</source>
            <translation>Rows: inputs of the layer (last row: bias). Columns: its neurons.
Double-click or type to edit; Ctrl+V pastes a block copied from a spreadsheet.</translation>
        </message>
        <message>
            <source>Why the last entry was refused</source>
            <translation>Why the last entry was refused</translation>
        </message>
        <message>
            <source>Fill</source>
            <translation>Fill</translation>
        </message>
        <message>
            <source>Fill this layer's weights with an initialisation scheme (seeded)</source>
            <translation>Fill this layer's weights with an initialisation scheme (seeded)</translation>
        </message>
        <message>
            <source>Uniform in [−1, 1] (the perceptron handout)</source>
            <translation>Uniform in [−1, 1] (the perceptron handout)</translation>
        </message>
        <message>
            <source>Standard normal N(0, 1)</source>
            <translation>Standard normal N(0, 1)</translation>
        </message>
        <message>
            <source>Small normal N(0, 0.05²) (Keras' default in the AND example)</source>
            <translation>Small normal N(0, 0.05²) (Keras' default in the AND example)</translation>
        </message>
        <message>
            <source>Xavier/Glorot: uniform in ±√(6 / (n_in + n_out))</source>
            <translation>Xavier/Glorot: uniform in ±√(6 / (n_in + n_out))</translation>
        </message>
        <message>
            <source>He: normal N(0, 2 / n_in)</source>
            <translation>He: normal N(0, 2 / n_in)</translation>
        </message>
        <message>
            <source>randn / √(n_in / 2), as in the MNIST handout's code</source>
            <translation>randn / √(n_in / 2), as in the MNIST handout's code</translation>
        </message>
        <message>
            <source>Zero</source>
            <translation>Zero</translation>
        </message>
        <message>
            <source>Set every weight and bias of this layer to 0</source>
            <translation>Set every weight and bias of this layer to 0</translation>
        </message>
        <message>
            <source>Randomise</source>
            <translation>Randomise</translation>
        </message>
        <message>
            <source>Uniform random weights in [−1, 1] with the seed</source>
            <translation>Uniform random weights in [−1, 1] with the seed</translation>
        </message>
        <message>
            <source>seed </source>
            <translation>seed </translation>
        </message>
        <message>
            <source>Seed of Fill and Randomise: the same seed gives the same numbers</source>
            <translation>Seed of Fill and Randomise: the same seed gives the same numbers</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>Paste</translation>
        </message>
        <message>
            <source>Paste a tab-separated block at the selected cell (Ctrl+V)</source>
            <translation>Paste a tab-separated block at the selected cell (Ctrl+V)</translation>
        </message>
        <message>
            <source>Layer {l}: {name}  ({r} × {c})</source>
            <translation>Layer {l}: {name}  ({r} × {c})</translation>
        </message>
        <message>
            <source>Paste refused, not a finite number at {where}; nothing was changed.</source>
            <translation>Paste refused, not a finite number at {where}; nothing was changed.</translation>
        </message>
        <message>
            <source>Paste a {r} × {c} block</source>
            <translation>Paste a {r} × {c} block</translation>
        </message>
    </context>
    <context>
        <name>WeightImages</name>
        <message>
            <source>Same scale for all units</source>
            <translation>Same scale for all units</translation>
        </message>
        <message>
            <source>On: colours comparable between units. Off: each unit on its own scale, so every pattern is visible.</source>
            <translation>On: colours comparable between units. Off: each unit on its own scale, so every pattern is visible.</translation>
        </message>
        <message>
            <source>What the tiles show</source>
            <translation>What the tiles show</translation>
        </message>
        <message>
            <source>The weight shown at full colour</source>
            <translation>The weight shown at full colour</translation>
        </message>
        <message>
            <source>Hidden unit {k}: its 784 weights as a 28 × 28 image; full colour at |w| = {s}. Click to inspect it.</source>
            <translation>Hidden unit {k}: its 784 weights as a 28 × 28 image; full colour at |w| = {s}. Click to inspect it.</translation>
        </message>
        <message>
            <source>Layer 1: {n} hidden units, each seeing the 28 × 28 input through its weights</source>
            <translation>Layer 1: {n} hidden units, each seeing the 28 × 28 input through its weights</translation>
        </message>
        <message>
            <source>Weight images need an MNIST lesson (784 inputs).</source>
            <translation>Weight images need an MNIST lesson (784 inputs).</translation>
        </message>
        <message>
            <source>±{s}</source>
            <translation>±{s}</translation>
        </message>
        <message>
            <source>each unit: ±max |w|</source>
            <translation>each unit: ±max |w|</translation>
        </message>
    </context>
    <context>
        <name>_Legend</name>
        <message>
            <source>Orange: negative weight · white: about 0 · blue: positive</source>
            <translation>Orange: negative weight · white: about 0 · blue: positive</translation>
        </message>
    </context>
    <context>
        <name>_Mosaic</name>
        <message>
            <source>Each tile: one hidden unit's weights from the 784 pixels</source>
            <translation>Each tile: one hidden unit's weights from the 784 pixels</translation>
        </message>
    </context>
    <context>
        <name>_SampleModel</name>
        <message>
            <source>Test image #{i}: label {t} (not evaluated yet)</source>
            <translation>Test image #{i}: label {t} (not evaluated yet)</translation>
        </message>
        <message>
            <source>Test image #{i}: label {t}, predicted {p} (output {c:.3f}). Click to make it the network's input.</source>
            <translation>Test image #{i}: label {t}, predicted {p} (output {c:.3f}). Click to make it the network's input.</translation>
        </message>
    </context>
</TS>
