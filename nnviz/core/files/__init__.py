"""Reading and writing user files, all as data (never pickle.load): model files, sessions,
lesson files, the npz reader, the weight-pickle parser, safe opening and save targets.
"""
