// TrackBuilding: GNN path stage.
