// Simulation module: fast simulation of TrackML-like events.
