import Foundation

/// The machine a measurement ran on, recorded with every benchmark figure.
public struct MachineInfo: Codable, Equatable, Sendable {
    /// CPU model name (from `/proc/cpuinfo` on Linux).
    public var cpuModel: String
    /// Logical cores available to this process.
    public var cores: Int
    /// Physical memory in GiB.
    public var memoryGiB: Double
    /// Operating system description.
    public var system: String

    enum CodingKeys: String, CodingKey {
        case cpuModel = "cpu_model", cores, memoryGiB = "memory_gib", system
    }

    /// Reads the description of the current machine.
    public static func current() -> MachineInfo {
        var model = "unknown CPU"
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let info = ProcessInfo.processInfo
        return MachineInfo(cpuModel: model, cores: info.activeProcessorCount,
                           memoryGiB: (Double(info.physicalMemory) / 1_073_741_824 * 10).rounded() / 10,
                           system: info.operatingSystemVersionString)
    }

    /// One line for reports: "model, N cores, M GiB".
    public var summary: String { "\(cpuModel), \(cores) cores, \(memoryGiB) GiB" }
}
