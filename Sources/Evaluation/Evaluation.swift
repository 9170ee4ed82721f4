// Evaluation module: see the README of the package for its concern.
