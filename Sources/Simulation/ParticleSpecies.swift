import EventData

/// The particle species the simulation produces, with their PDG codes and masses.
///
/// Charged species are tracked through the detector; photons only convert (when conversions are
/// enabled) and the neutral V0s (K⁰s, Λ) only decay, both before they could leave a hit.
public enum ParticleSpecies: String, Codable, Sendable, CaseIterable {
    case pion, kaon, proton, electron, muon, photon, kaonShort, lambda

    /// Mass in GeV.
    public var mass: Double {
        switch self {
        case .pion: PhysicsConstants.pionMass
        case .kaon: PhysicsConstants.kaonMass
        case .proton: PhysicsConstants.protonMass
        case .electron: PhysicsConstants.electronMass
        case .muon: PhysicsConstants.muonMass
        case .photon: 0
        case .kaonShort: 0.497611      // PDG 2024
        case .lambda: 1.115683         // PDG 2024
        }
    }

    /// Proper decay length cτ in mm (infinite for species that do not decay inside the tracker).
    public var properDecayLength: Double {
        switch self {
        case .kaonShort: 26.84          // PDG 2024
        case .lambda: 78.9              // PDG 2024
        default: .infinity
        }
    }

    /// The PDG code of the species with charge `charge` (the sign follows the PDG convention:
    /// positive for π⁺, K⁺, p, e⁻, μ⁻, that is negative charge for the leptons).
    public func pdgCode(charge: Int32) -> Int32 {
        switch self {
        case .pion: charge >= 0 ? 211 : -211
        case .kaon: charge >= 0 ? 321 : -321
        case .proton: charge >= 0 ? 2212 : -2212
        case .electron: charge <= 0 ? 11 : -11
        case .muon: charge <= 0 ? 13 : -13
        case .photon: 22
        case .kaonShort: 310
        case .lambda: 3122
        }
    }

    /// Whether the species is a hadron (subject to nuclear interactions).
    public var isHadron: Bool {
        switch self {
        case .pion, .kaon, .proton, .kaonShort, .lambda: true
        case .electron, .muon, .photon: false
        }
    }
}
