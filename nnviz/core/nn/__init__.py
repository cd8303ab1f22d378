"""The network itself, readable in one sitting: spec, parameters, activations, losses,
backpropagation, optimizers and the rule that turns outputs into a class.
"""
