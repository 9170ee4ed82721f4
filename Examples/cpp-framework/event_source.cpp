// event_source.cpp — TrackML hits reading for the host (see event_source.hpp). zlib's gzopen reads
// compressed and plain files alike.
#include "event_source.hpp"

#include <zlib.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace host {
namespace {

/// Splits a CSV line (without its end) at commas.
std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
}

/// Reads one line (without its end) from a gz stream; false when nothing is left or on a read
/// error (the caller checks gzerror).
bool read_line(gzFile file, std::string& line) {
    line.clear();
    char buffer[4096];
    bool any = false;
    while (gzgets(file, buffer, sizeof buffer) != nullptr) {
        any = true;
        line += buffer;
        if (line.back() == '\n') break;
    }
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    return any;
}

std::int64_t event_id_of(const std::string& prefix) {
    std::string base = prefix.substr(prefix.find_last_of('/') == std::string::npos ? 0 : prefix.find_last_of('/') + 1);
    if (base.rfind("event", 0) != 0 || base.size() == 5) throw std::runtime_error(prefix + ": the prefix must end in event<number>");
    for (std::size_t i = 5; i < base.size(); ++i) {
        if (base[i] < '0' || base[i] > '9') throw std::runtime_error(prefix + ": the prefix must end in event<number>");
    }
    return std::stoll(base.substr(5));
}

}  // namespace

Event read_event(const std::string& prefix) {
    Event event;
    event.prefix = prefix;
    event.id = event_id_of(prefix);
    std::string path = prefix + "-hits.csv.gz";
    if (!std::ifstream(path)) path = prefix + "-hits.csv";
    std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), &gzclose);
    if (!file) throw std::runtime_error(path + ": cannot open");

    std::string line;
    if (!read_line(file.get(), line)) throw std::runtime_error(path + ": empty file");
    std::vector<std::string> header = split(line);
    auto column = [&](const char* name) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name) return i;
        }
        throw std::runtime_error(path + ":1: no column '" + name + "'");
    };
    const std::size_t c_id = column("hit_id"), c_x = column("x"), c_y = column("y"), c_z = column("z");
    const std::size_t c_vol = column("volume_id"), c_lay = column("layer_id"), c_mod = column("module_id");

    long number = 1;
    while (read_line(file.get(), line)) {
        ++number;
        if (line.empty()) continue;
        std::vector<std::string> f = split(line);
        auto where = [&](std::size_t c) { return path + ":" + std::to_string(number) + ": column '" + header[c] + "'"; };
        if (f.size() != header.size()) throw std::runtime_error(path + ":" + std::to_string(number) + ": wrong number of fields");
        auto integer = [&](std::size_t c) {
            char* end = nullptr;
            errno = 0;
            long long v = std::strtoll(f[c].c_str(), &end, 10);
            if (errno != 0 || end == f[c].c_str() || *end != '\0') throw std::runtime_error(where(c) + ": not an integer");
            return v;
        };
        auto real = [&](std::size_t c) {
            char* end = nullptr;
            float v = std::strtof(f[c].c_str(), &end);
            if (end == f[c].c_str() || *end != '\0' || !std::isfinite(v)) throw std::runtime_error(where(c) + ": not a finite number");
            return v;
        };
        long long volume = integer(c_vol), layer = integer(c_lay), module = integer(c_mod);
        std::uint64_t id = (volume < INT32_MIN || volume > INT32_MAX || layer < INT32_MIN || layer > INT32_MAX ||
                            module < INT32_MIN || module > INT32_MAX)
                               ? 0
                               : weft_geometry_id(static_cast<std::int32_t>(volume), static_cast<std::int32_t>(layer),
                                                  static_cast<std::int32_t>(module));
        if (id == 0) throw std::runtime_error(path + ":" + std::to_string(number) + ": volume/layer/module out of range");
        event.hit_id.push_back(integer(c_id));
        event.x.push_back(real(c_x));
        event.y.push_back(real(c_y));
        event.z.push_back(real(c_z));
        event.geometry_id.push_back(id);
    }
    int code = 0;
    const char* message = gzerror(file.get(), &code);
    if (code != Z_OK && code != Z_STREAM_END) throw std::runtime_error(path + ": read error: " + message);
    return event;
}

}  // namespace host
