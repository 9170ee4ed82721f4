/// Time per event and the resulting figure of merit, as reported.
public struct Throughput: Codable, Sendable, Equatable {
    /// Reconstruction time per event in seconds.
    public var secondsPerEvent: Double
    /// ``ThroughputFigureOfMerit/value(score:secondsPerEvent:)`` for the event's score.
    public var figureOfMerit: Double

    public init(secondsPerEvent: Double, figureOfMerit: Double) {
        self.secondsPerEvent = secondsPerEvent; self.figureOfMerit = figureOfMerit
    }

    enum CodingKeys: String, CodingKey {
        case secondsPerEvent = "seconds_per_event", figureOfMerit = "figure_of_merit"
    }
}
