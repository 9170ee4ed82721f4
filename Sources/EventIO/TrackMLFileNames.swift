import FileSupport

/// The file names of a TrackML event: `<prefix>-<part>.csv` or `<prefix>-<part>.csv.gz`.
///
/// When both exist the plain `.csv` is read: it is what `gunzip -k` leaves beside the archive and
/// reads faster. (The TrackML Python library refuses the ambiguity; Weft picks and documents.)
public enum TrackMLFileNames {
    /// The candidate names of `part` (`"hits"`, `"cells"`, `"particles"`, `"truth"`) in order of preference.
    public static func candidates(prefix: String, part: String) -> [String] {
        ["\(prefix)-\(part).csv", "\(prefix)-\(part).csv.gz"]
    }

    /// The file that holds `part`, or `nil` when none of the candidates exists.
    public static func existing(prefix: String, part: String) -> String? {
        candidates(prefix: prefix, part: part).first(where: DataFile.exists)
    }

    /// The name written for `part`.
    public static func output(prefix: String, part: String, compressed: Bool) -> String {
        "\(prefix)-\(part).csv" + (compressed ? ".gz" : "")
    }

    /// The event number in a TrackML prefix: `dir/event000001000` → 1000.
    ///
    /// The last path component must be `event` followed by decimal digits only.
    public static func eventID(fromPrefix prefix: String) -> Int64? {
        let name = prefix.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? ""
        guard name.hasPrefix("event") else { return nil }
        let digits = name.dropFirst(5)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(digits)
    }
}
