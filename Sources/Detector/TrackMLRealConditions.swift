/// The field and the material of the real TrackML detector, measured on the truth of the real
/// events in `../shared/data/trackml/` (`event000000001`, all volumes, and
/// `barrel-ez-0.1/event000001000`, barrel only).
///
/// A TrackML `detectors.csv` carries neither, and the real events were simulated with a field and
/// a material budget that differ from the embedded `trackml` description where it matters for
/// tracking: toward the end-caps. ``Detector/load(_:)`` gives a geometry file these conditions.
/// The embedded description (and so the simulation) keeps its own field and material.
public enum TrackMLRealConditions {
    /// The field of the real events: a finite solenoid with Bz(0) = 1.992 T, coil radius 1217 mm
    /// and half-length 2584 mm, fitted to their truth.
    ///
    /// The fit used every pair of consecutive truth hits with pT > 0.5 GeV and a transverse chord
    /// above 20 mm (2 832 pairs). The change of the transverse momentum direction per transverse arc
    /// length is dφ/ds_T = −k q/pT · (Bz − cot θ · B_T·û), û the transverse direction of flight: in
    /// the end-caps cot θ is 3–10, so a radial field of 0.05–0.15 T halves the bending before Bz
    /// itself falls much. Median effective field per |z| slice (data / this model / uniform 2 T):
    /// 1.998 / 1.992 / 2 at |z| < 300 mm, 1.932 / 1.930 / 2 at 600–900, 1.699 / 1.674 / 2 at
    /// 1200–1500, 0.961 / 0.969 / 2 at 1800–2100 and −0.38 / −0.36 / 2 at 2700–3000 mm. Three
    /// consecutive truth positions (no momenta) give the same fall-off. With a uniform 2 T field a
    /// 1 GeV track is predicted millimetres off in the strip end-caps.
    public static let field: FieldModel = {
        // Fitted values, in range by construction: the init cannot throw.
        .solenoid(try! SolenoidField(centralBz: 1.992, radius: 1217, halfLength: 2584))
    }()

    /// Material per layer at normal incidence (radiation lengths) where the real events differ from
    /// the embedded description, by volume id; nil elsewhere.
    ///
    /// Measured like the description's barrel values (`Detectors/trackml/README.md`): the change of
    /// the dip angle between consecutive truth hits of primary particles (pT > 0.5 GeV) on different
    /// layers is multiple scattering; its robust RMS times p/13.6 MeV, corrected to normal incidence
    /// (|cos θ| on a disc), inverts the Highland formula. The strip end-cap discs carry far more than
    /// the strip barrel layers (0.023): 0.23 ± 0.02 per short-strip disc (192 pairs; single discs
    /// 0.06–0.35) and 0.12 ± 0.04 per long-strip disc (19 pairs). The description copied the barrel
    /// values (0.022, 0.030) there. With them the CKF's predicted χ² of true strip end-cap hits had a
    /// median of 6–7 instead of 1.4 and 35–39 % of them failed the χ² cut of 16; with these values
    /// the median is 1.5–1.9 and 3–5 % fail. The pixel end-caps measure 0.014 ± 0.001, consistent
    /// with the description's 0.011: it is kept.
    public static func materialX0(volume: Int32) -> Double? {
        switch volume {
        case 12, 14: return 0.23
        case 16, 18: return 0.12
        default: return nil
        }
    }
}
