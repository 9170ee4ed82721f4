// KalmanFinding: combinatorial Kalman filter and ambiguity resolution.
