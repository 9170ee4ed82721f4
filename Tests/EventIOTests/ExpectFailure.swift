@testable import EventIO
import Testing

/// Runs `body`, which must throw an ``EventIOError`` whose message contains every string of
/// `mentions` (file names, `line 3`, `column 'x'`, dataset paths…); returns the error.
@discardableResult
func expectFailure(mentioning mentions: [String], sourceLocation: SourceLocation = #_sourceLocation,
                   _ body: () throws -> Void) -> EventIOError? {
    do {
        try body()
        Issue.record("expected an error mentioning \(mentions)", sourceLocation: sourceLocation)
        return nil
    } catch let error as EventIOError {
        for text in mentions {
            #expect(error.description.contains(text), "'\(error)' should mention '\(text)'", sourceLocation: sourceLocation)
        }
        return error
    } catch {
        Issue.record("expected an EventIOError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
