import ArgumentParser
import Detector
import EventData
import EventIO
import Weft

/// `weft convert`: TrackML CSV ↔ HDF5 event store.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an event between TrackML CSV files and an HDF5 event store.",
        discussion: """
        CSV → HDF5:  weft convert PREFIX --to FILE.h5 [--event-id N] [--replace | --new] [--detector D]
          reads PREFIX-hits.csv[.gz] and, when present, -cells, -particles and -truth, and adds the \
        event to FILE.h5 (created when missing). The event id comes from the prefix (event000001000 → \
        1000) unless --event-id is given.

        HDF5 → CSV:  weft convert --from FILE.h5 [--event N] --to-prefix DIR/eventNNN [--gzip] [--detector D]
          writes DIR/eventNNN-hits.csv[.gz] and the other parts the store holds for that event \
        (--event may be left out when the store holds one event).

        Every write goes to a temporary file renamed into place: a failure leaves no partial output.
        """
    )

    @Argument(help: "TrackML path prefix to read (CSV → HDF5), e.g. data/event000001000.")
    var prefix: String?

    @Option(name: .customLong("to"), help: "HDF5 event store to add the event to (CSV → HDF5).")
    var store: String?

    @Option(name: .customLong("event-id"), help: "Event id to store (default: read from the prefix).")
    var eventID: Int64?

    @Flag(help: "Replace an event of the same id already in the store (otherwise that is an error).")
    var replace = false

    @Flag(name: .customLong("new"), help: "Write a new store holding only this event, replacing FILE.h5.")
    var newStore = false

    @Option(help: "Check that every hit lies on a module of this detector (a name under Detectors/ or a detectors.csv[.gz] file).")
    var detector: String?

    @Option(name: .customLong("from"), help: "HDF5 event store to read (HDF5 → CSV).")
    var source: String?

    @Option(name: .customLong("event"), help: "Event id to read from the store (default: its only event).")
    var event: Int64?

    @Option(name: .customLong("to-prefix"), help: "TrackML path prefix to write (HDF5 → CSV), e.g. out/event000001000.")
    var toPrefix: String?

    @Flag(help: "Write gzip-compressed .csv.gz files (HDF5 → CSV).")
    var gzip = false

    func validate() throws {
        switch (prefix, source) {
        case (nil, nil):
            throw ValidationError("Give a TrackML PREFIX with --to FILE.h5, or --from FILE.h5 with --to-prefix.")
        case (_?, _?):
            throw ValidationError("Give either a TrackML PREFIX (CSV → HDF5) or --from FILE.h5 (HDF5 → CSV), not both.")
        case (_?, nil):
            guard store != nil else { throw ValidationError("CSV → HDF5 needs --to FILE.h5.") }
            guard toPrefix == nil, event == nil, !gzip else {
                throw ValidationError("--to-prefix, --event and --gzip belong to HDF5 → CSV (--from).")
            }
            guard !(replace && newStore) else { throw ValidationError("--replace and --new exclude each other.") }
        case (nil, _?):
            guard toPrefix != nil else { throw ValidationError("HDF5 → CSV needs --to-prefix DIR/eventNNN.") }
            guard store == nil, eventID == nil, !replace, !newStore else {
                throw ValidationError("--to, --event-id, --replace and --new belong to CSV → HDF5 (PREFIX).")
            }
        }
    }

    func run() throws {
        if let prefix, let store {
            let geometry = try detector.map(Detector.load)
            let loaded = try TrackMLEventReader.read(prefix: prefix, eventID: eventID,
                                                     isKnownModule: geometry.map { d in { d.moduleIndex(of: $0) != nil } })
            if newStore {
                try HDF5EventStore.write([loaded], to: store)
            } else {
                try HDF5EventStore.append([loaded], to: store, replacing: replace)
            }
            let count = try HDF5EventStore(path: store).eventIDs.count
            print("event \(loaded.eventID) (\(Self.describe(loaded))) → \(store) (\(count) event\(count == 1 ? "" : "s"))")
        } else if let source, let toPrefix {
            let loaded = try EventSource.store(path: source, eventID: event).load(detector: try detector.map(Detector.load))
            try TrackMLEventWriter.write(loaded, prefix: toPrefix, compressed: gzip)
            print("event \(loaded.eventID) (\(Self.describe(loaded))) → \(toPrefix)-*.csv\(gzip ? ".gz" : "")")
        }
    }

    /// `5527 hits, 18564 cells, 548 particles, truth`.
    static func describe(_ e: Event) -> String {
        var parts = ["\(e.hits.count) hits"]
        if let c = e.cells { parts.append("\(c.count) cells") }
        if let p = e.particles { parts.append("\(p.count) particles") }
        if e.truth != nil { parts.append("truth") }
        return parts.joined(separator: ", ")
    }
}
