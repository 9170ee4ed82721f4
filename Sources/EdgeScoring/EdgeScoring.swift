// EdgeScoring: GNN path stage.
