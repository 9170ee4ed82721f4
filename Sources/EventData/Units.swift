/// Physical units and constants used throughout Weft.
///
/// Native units are millimetre, GeV, Tesla, nanosecond and radian: a quantity stored in a
/// Weft type is always in these units, so the factors below are 1 for the native unit and
/// exist to make conversions explicit at the edges (`0.5 * Units.m`).
public enum Units {
    public static let mm: Double = 1
    public static let cm: Double = 10
    public static let m: Double = 1000
    public static let um: Double = 1e-3
    public static let GeV: Double = 1
    public static let MeV: Double = 1e-3
    public static let keV: Double = 1e-6
    public static let tesla: Double = 1
    public static let ns: Double = 1
    public static let rad: Double = 1
    public static let mrad: Double = 1e-3
}

/// Physical constants in Weft's native units.
public enum PhysicsConstants {
    /// Converts pT·B to a curvature radius: R[mm] = pT[GeV] / (kappa · B[T]), kappa in GeV/(T·mm).
    public static let curvatureConstant: Double = 0.299792458e-3
    /// Electron mass in GeV.
    public static let electronMass: Double = 0.51099895e-3
    /// Muon mass in GeV.
    public static let muonMass: Double = 0.1056583755
    /// Charged pion mass in GeV.
    public static let pionMass: Double = 0.13957039
    /// Charged kaon mass in GeV.
    public static let kaonMass: Double = 0.493677
    /// Proton mass in GeV.
    public static let protonMass: Double = 0.93827208816

    /// Curvature radius in mm of a track with transverse momentum `pT` (GeV) in a field `bz` (T).
    @inlinable public static func curvatureRadius(pT: Double, bz: Double) -> Double {
        pT / (curvatureConstant * bz)
    }
}
