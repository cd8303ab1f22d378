"""Lesson explanation: title, handout, summary, the lesson's formulas and what to watch (the
preset's ``explain`` text, Korean or English), the network, and the numbers to see."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from nnviz.core.nn.activations import ACTIVATIONS
from nnviz.ui.common.formatting import fmt_vec
from nnviz.ui.common.names import activation_name, loss_name, optimizer_name

if TYPE_CHECKING:
    from nnviz.ui.model.lesson_model import LessonModel


class ExplanationPanel(QWidget):
    def __init__(self, lesson: LessonModel, lang: str = "en", parent=None):
        super().__init__(parent)
        self.lesson, self.lang = lesson, lang
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setToolTip(self.tr("What this lesson shows and the formulas behind it"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.browser)
        lesson.preset_changed.connect(self._on_lesson_preset_changed)

    def _on_lesson_preset_changed(self, preset):
        self.browser.setHtml(self.html(preset))

    def html(self, preset) -> str:
        if preset is None:
            return ""
        e = html.escape
        net = self.lesson.network
        sizes = " – ".join(str(s) for s in net.spec.sizes)
        # tr() outside the f-strings: lupdate does not look inside them
        handout = self.tr("Handout {h}").format(h=preset.handout)
        network = self.tr("The network")
        per_layer = self.tr("Neurons per layer: {sizes}").format(sizes=sizes)
        parts = [f"<h2>{e(preset.text('title', self.lang))}</h2>",
                 f"<p><i>{e(handout)}</i></p>",
                 f"<p>{e(preset.text('summary', self.lang))}</p>",
                 # the preset's own HTML (our resources): formulas in Unicode, what to watch
                 preset.text("explain", self.lang) if preset.explain else "",
                 f"<h3>{e(network)}</h3>",
                 f"<p>{e(per_layer)}</p>",
                 "<p style='font-family: monospace'>a = z<sub>prev</sub> · W + b &nbsp;&nbsp; "
                 "(np.dot(x, W) + b)<br>z = h(a)</p><ul>"]
        for i, layer in enumerate(net.spec.layers):
            formula = ACTIVATIONS[layer.activation].formula
            bias = self.tr("with bias") if layer.bias else self.tr("no bias")
            text = (self.tr("Layer {l}: 1 neuron, {act}, {bias}") if layer.units == 1 else
                    self.tr("Layer {l}: {n} neurons, {act}, {bias}")).format(
                l=i + 1, n=layer.units, act=activation_name(layer.activation), bias=bias)
            parts.append(f"<li>{e(text)} — <span style='font-family: monospace'>{e(formula)}"
                         "</span></li>")
        parts.append("</ul>")
        t = preset.training
        if t is not None:
            title = self.tr("Training (next step)")
            text = self.tr("loss {loss}, optimizer {opt}, learning rate {lr}, batch {b}, "
                           "epochs {ep}").format(loss=loss_name(t.loss),
                                                 opt=optimizer_name(t.optimizer), lr=t.lr,
                                                 b=t.batch_size, ep=t.epochs)
            parts.append(f"<h3>{e(title)}</h3><p>{e(text)}</p>")
        if preset.expect:
            title = self.tr("Numbers to look for")
            parts.append(f"<h3>{e(title)}</h3><ul>")
            for k, v in preset.expect.items():
                vs = fmt_vec(v, 8) if isinstance(v, list) and v and not isinstance(v[0], list) \
                    else str(v)
                parts.append(f"<li><b>{e(k)}</b> = {e(vs)}</li>")
            parts.append("</ul>")
        return "\n".join(parts)


if __name__ == "__main__":
    import sys

    from nnviz.ui.preview import preview

    sys.exit(preview(ExplanationPanel, size=(480, 500)))
