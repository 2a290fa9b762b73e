//! Code lists of partners.

codelist! {
    /// The kind of a partner organisation or government, as IOM partnership
    /// pages group them.
    PartnerKind, "partner kind", example = (UnAgency, "un_agency", "UN Agency") {
        /// A "UN Agency" (UN system organisation) on IOM partnership pages, such
        /// as UNHCR.
        UnAgency = "un_agency" | "UN Agency" | "United Nations Agency",
        /// A "Regional Economic Community" on IOM partnership pages, such as
        /// ECOWAS.
        RegionalEconomicCommunity = "regional_economic_community"
            | "Regional Economic Community" | "REC",
        /// An "Intergovernmental Organization" on IOM partnership pages.
        IntergovernmentalOrganization = "intergovernmental_organization"
            | "Intergovernmental Organization" | "Intergovernmental Organisation" | "IGO",
        /// A "Government" (a state's ministry or agency) on IOM partnership pages.
        Government = "government" | "Government",
        /// An "NGO" (non-governmental organisation) on IOM partnership pages.
        Ngo = "ngo" | "NGO" | "Non-Governmental Organization" | "Non-Governmental Organisation",
        /// "Academic" / "Academia" on IOM partnership pages: universities and
        /// research institutes.
        Academic = "academic" | "Academic" | "Academia",
        /// "Private Sector" on IOM partnership pages.
        PrivateSector = "private_sector" | "Private Sector",
    }
}

codelist! {
    /// What a published figure counts, such as IOM's "175 member states".
    Metric, "metric", example = (Offices, "offices", "Offices") {
        /// Member states of the organisation ("with 175 member states" on IOM pages).
        MemberStates = "member_states" | "Member States",
        /// Observer states of the organisation.
        ObserverStates = "observer_states" | "Observer States",
        /// Offices worldwide ("IOM Offices worldwide 590 +" on IOM pages).
        Offices = "offices" | "Offices",
        /// Countries where the organisation is present ("a presence in 171 countries").
        CountriesWithPresence = "countries_with_presence" | "Countries with presence",
    }
}
