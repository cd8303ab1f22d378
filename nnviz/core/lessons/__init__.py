"""The lessons' material: presets (resources/presets), datasets, the pretrained network,
hand-drawn digits, the optimizer race's surfaces, and where the resources are.
"""
