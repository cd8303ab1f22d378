"""Explain one training step with every number: the explained step, the chain-rule tracer and
the computational graph (Qt-free; see README.md in this folder for the GUI's side).

>>> step = explain_step(net, x, t, "mse", optimizer)        # Forward → Loss → Backward → Update
>>> step = explain_perceptron_step(net, x, d, eta=0.05)      # handout 001's rule
>>> trace = trace_gradient(net, x, t, "mse", EdgeRef(0, 1, 0))   # why did w₁₂⁽¹⁾ change?
>>> graph = build_graph(net, x, t, "bce")                   # micrograd-style nodes
>>> render(step.items[1], korean).numbers   # ('a₁⁽¹⁾ = 0.1·1 + 0.2·0.5 + 0.1 = 0.3', …)
"""

from nnviz.core.explain.formatting import fmt
from nnviz.core.explain.graph import CompGraph, GraphEdge, GraphNode, build_graph
from nnviz.core.explain.model import (
    PHASES,
    READABLE_PARAMS,
    BiasRef,
    EdgeRef,
    ExplainedStep,
    ExplainItem,
    Focus,
    LossRef,
    NeuronRef,
    Phase,
    param_index,
)
from nnviz.core.explain.perceptron_step import explain_perceptron_step
from nnviz.core.explain.step import explain_step, is_readable
from nnviz.core.explain.texts import (
    KOREAN,
    TEMPLATES,
    RenderedItem,
    caption,
    english,
    korean,
    phase_name,
    render,
    render_text,
)
from nnviz.core.explain.tracer import (
    SATURATION,
    ChainTrace,
    DeltaNode,
    Factor,
    FactorWarning,
    PathProduct,
    trace_gradient,
)

__all__ = [
    "PHASES", "READABLE_PARAMS", "SATURATION", "KOREAN", "TEMPLATES",
    "BiasRef", "EdgeRef", "LossRef", "NeuronRef", "Phase", "Focus",
    "ExplainItem", "ExplainedStep", "RenderedItem",
    "ChainTrace", "DeltaNode", "Factor", "FactorWarning", "PathProduct",
    "CompGraph", "GraphEdge", "GraphNode",
    "explain_step", "explain_perceptron_step", "trace_gradient", "build_graph",
    "is_readable", "param_index", "fmt", "render", "render_text", "caption", "phase_name",
    "english", "korean",
]
