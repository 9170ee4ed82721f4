import Detector
import EventData
import FileSupport
import Testing

/// Reading TrackML `detectors.csv[.gz]`: both column layouts, and bad files.
@Suite struct TrackMLGeometryFileTests {
    static let header = "volume_id,layer_id,module_id,cx,cy,cz,rot_xu,rot_xv,rot_xw,rot_yu,rot_yv,rot_yw,"
        + "rot_zu,rot_zv,rot_zw,module_t,module_minhu,module_maxhu,module_hv,pitch_u,pitch_v"

    /// One CSV row of module `i` of `d` in the original TrackML layout.
    static func row(_ d: Detector, _ i: Int) -> String {
        let m = d.modules[i]
        let r = m.rotation
        let numbers: [Double] = [m.center.x, m.center.y, m.center.z, r.u.x, r.v.x, r.w.x, r.u.y, r.v.y, r.w.y,
                                 r.u.z, r.v.z, r.w.z, m.thickness, m.minHalfU, m.maxHalfU, m.halfV, m.pitchU, m.pitchV]
        return "\(m.id.volume),\(m.id.layer),\(m.id.module)," + numbers.map { "\($0)" }.joined(separator: ",")
    }

    /// A small valid table: five modules of the generated geometry.
    static func rows() throws -> [String] {
        let d = try Fixtures.generated.get()
        return [0, 1, 2, 300, 18_000].map { row(d, $0) }
    }

    /// Writes a table and loads it, returning the error (or nil).
    static func loadError(_ lines: [String], name: String = "detectors.csv") throws -> DetectorError? {
        let dir = try Fixtures.scratchDirectory("csv")
        defer { Fixtures.remove(dir) }
        let path = try Fixtures.write(lines.joined(separator: "\n") + "\n", to: dir, name)
        do {
            _ = try Detector.load(path)
            return nil
        } catch let e as DetectorError {
            #expect(e.description.contains(path), "message should name the file: \(e)")
            return e
        }
    }

    @Test func withAndWithoutLeadingIndexColumn() throws {
        let real = try Fixtures.real.get()
        let text = try DataFile.read(Fixtures.realGeometryFile)
        #expect(text.starts(with: Array(",volume_id".utf8)), "the shared file has pandas' unnamed index column")
        // Drop the first field of every line.
        var stripped: [UInt8] = []
        stripped.reserveCapacity(text.count)
        var atLineStart = true, skipping = false
        for b in text {
            if atLineStart { skipping = true; atLineStart = false }
            if skipping {
                if b == UInt8(ascii: ",") { skipping = false }
                if b == UInt8(ascii: "\n") { stripped.append(b); atLineStart = true }
                continue
            }
            stripped.append(b)
            if b == UInt8(ascii: "\n") { atLineStart = true }
        }
        #expect(stripped.starts(with: Array("volume_id,layer_id".utf8)))
        let dir = try Fixtures.scratchDirectory("noindex")
        defer { Fixtures.remove(dir) }
        for name in ["detectors.csv", "detectors.csv.gz"] {
            let path = dir + "/" + name
            try DataFile.write(stripped, to: path)
            let d = try Detector.load(path)
            #expect(d.modules == real.modules, "\(name) without the index column reads the same modules")
            #expect(d.layers == real.layers)
        }
    }

    @Test func validSmallTable() throws {
        let lines = [Self.header] + (try Self.rows())
        let dir = try Fixtures.scratchDirectory("small")
        defer { Fixtures.remove(dir) }
        let path = try Fixtures.write(lines.joined(separator: "\r\n"), to: dir, "small.csv")
        let d = try Detector.load(path)
        #expect(d.modules.count == 5)
        #expect(d.layers.count == 3)
        #expect(d.moduleIndex(of: GeometryID(volume: 7, layer: 2, module: 1)) == 0)
    }

    @Test func nonNumericField() throws {
        var rows = try Self.rows()
        rows[1] = rows[1].replacingFirstField(4, with: "abc")
        let e = try #require(try Self.loadError([Self.header] + rows))
        guard case .input(.badField(_, let line, let column, _, _)) = e else { Issue.record("\(e)"); return }
        #expect(line == 3 && column == "cy", "\(e)")
        #expect(e.description.contains("line 3") && e.description.contains("'cy'"))
    }

    @Test func notANumber() throws {
        var rows = try Self.rows()
        rows[2] = rows[2].replacingFirstField(3, with: "nan")
        let e = try #require(try Self.loadError([Self.header] + rows))
        guard case .input(.badField(_, 4, "cx", "nan", _)) = e else { Issue.record("\(e)"); return }
        #expect(e.description.contains("finite"))
    }

    @Test func duplicateModule() throws {
        var rows = try Self.rows()
        rows.append(rows[1])
        let e = try #require(try Self.loadError([Self.header] + rows))
        guard case .duplicateModule(_, let id, let lines) = e else { Issue.record("\(e)"); return }
        #expect(id == GeometryID(volume: 7, layer: 2, module: 2))
        #expect(lines == [3, 7], "\(e)")
    }

    @Test func rotationNotOrthonormal() throws {
        var rows = try Self.rows()
        rows[3] = rows[3].replacingFirstField(6, with: "0.9")
        let e = try #require(try Self.loadError([Self.header] + rows))
        guard case .nonOrthonormalRotation(_, 5, _, let deviation) = e else { Issue.record("\(e)"); return }
        #expect(deviation > 1e-3)
        #expect(e.description.contains("line 5"))
    }

    @Test func reflectionIsNotARotation() throws {
        var rows = try Self.rows()
        // Flip the w column of a pixel end-cap module: still orthonormal, but left-handed.
        for column in [8, 11, 14] {
            let value = rows[0].split(separator: ",", omittingEmptySubsequences: false)[column]
            rows[0] = rows[0].replacingFirstField(column, with: value.hasPrefix("-") ? String(value.dropFirst()) : "-" + value)
        }
        let e = try #require(try Self.loadError([Self.header] + rows))
        guard case .nonOrthonormalRotation(_, 2, _, let deviation) = e else { Issue.record("\(e)"); return }
        #expect(deviation == .infinity)
    }

    @Test func negativeThicknessAndBadIDs() throws {
        var rows = try Self.rows()
        rows[0] = rows[0].replacingFirstField(15, with: "-0.15")
        var e = try #require(try Self.loadError([Self.header] + rows))
        guard case .invalidModule(_, 2, "module_t", _) = e else { Issue.record("\(e)"); return }

        rows = try Self.rows()
        rows[4] = rows[4].replacingFirstField(0, with: "300")
        e = try #require(try Self.loadError([Self.header] + rows))
        guard case .invalidModule(_, 6, "volume_id", _) = e else { Issue.record("\(e)"); return }
    }

    @Test func structuralProblems() throws {
        let rows = try Self.rows()
        var e = try #require(try Self.loadError([Self.header.replacingOccurrences("pitch_v", "pitch_w")] + rows))
        guard case .input(.missingColumn(_, "pitch_v", _)) = e else { Issue.record("\(e)"); return }

        e = try #require(try Self.loadError([Self.header, rows[0], rows[1] + ",7"]))
        guard case .input(.wrongFieldCount(_, 3, 21, 22)) = e else { Issue.record("\(e)"); return }

        e = try #require(try Self.loadError([Self.header]))
        guard case .noModules = e else { Issue.record("\(e)"); return }

        let dir = try Fixtures.scratchDirectory("gz")
        defer { Fixtures.remove(dir) }
        // Written under a name without .gz so that DataFile.write stores the cut stream as it is;
        // readers recognise gzip by content.
        let whole = Gzip.compress(Array(([Self.header] + rows).joined(separator: "\n").utf8))
        let path = dir + "/truncated.csv"
        try DataFile.write(Array(whole.prefix(whole.count / 2)), to: path)
        #expect(throws: DetectorError.input(.truncatedGzip(path: path))) { try Detector.load(path) }
    }
}

extension String {
    /// The row with field `k` (0-based) replaced.
    func replacingFirstField(_ k: Int, with text: String) -> String {
        var fields = split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[k] = text
        return fields.joined(separator: ",")
    }

    /// Every occurrence of `a` replaced by `b` (no Foundation in the tests).
    func replacingOccurrences(_ a: String, _ b: String) -> String {
        var out = "", rest = Substring(self)
        while let r = rest.firstRange(of: a) {
            out += rest[..<r.lowerBound] + b
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
