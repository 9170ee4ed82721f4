// HitGraph: GNN path stage.
