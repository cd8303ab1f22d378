"""Hovering a neuron on the network canvas brings its edges forward.

:class:`NeuronHovering` is a mixin of :class:`~nnviz.ui.canvas.network_view.NetworkView`.
While the mouse is over a neuron, its edges are drawn on top in full colour (in a dense pair,
its :data:`~nnviz.ui.canvas.geometry.SELECTED_EDGES` strongest incoming and outgoing ones,
as if it were selected) and their weights are written first, before the selected neuron's
and the strongest others, so they are shown even where the rule for edge numbers would hide
them; the other numbers make room.  Leaving the neuron restores the usual picture.
"""

from __future__ import annotations


class NeuronHovering:
    """Mixin: ``set_hovered_neuron`` (called by the neuron items) and ``refresh_edges``."""

    hovered_neuron: tuple[int, int] | None

    def set_hovered_neuron(self, layer: int, index: int) -> None:
        """Neuron ``index`` of canvas ``layer`` is under the mouse (layer < 0: none is)."""
        new = (int(layer), int(index)) if layer >= 0 and index >= 0 else None
        if new == self.hovered_neuron:
            return
        self.hovered_neuron = new
        self.refresh_edges()

    def hovered_edge_labels(self) -> dict[tuple[int, int, int], bool]:
        """For each edge of the hovered neuron that is drawn: (layer, i, j) → whether its
        weight is written on it now."""
        written = {key for key, _box in self.edge_label_rects()}
        return {(e.layer, e.i, e.j): (e.layer, e.i, e.j) in written
                for pool in self.edges for e in pool if e.isVisible() and e.hover}

    def refresh_edges(self) -> None:
        """Redraw the edges and their numbers only (the neurons have not changed)."""
        net = self.lesson.network
        if net is None or self.geom is None or not self.edges:
            return
        for layer in range(net.n_layers):
            self._update_edges(layer)
        self._place_edge_labels()
        self._sync_editor()
        self.viewport().update()
