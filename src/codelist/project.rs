//! Code lists of IOM Development Fund projects.

codelist! {
    /// The status of an IOM Development Fund project, as its project page
    /// shows under "Project Status".
    ProjectStatus, "project status", example = (Completed, "completed", "Completed") {
        /// "Project Status: Completed" on IOM Development Fund project pages.
        Completed = "completed" | "Completed",
        /// "Project Status: Ongoing" on IOM Development Fund project pages.
        Ongoing = "ongoing" | "Ongoing",
        /// "Project Status: Pipeline" on IOM Development Fund project pages
        /// (approved, not yet started).
        Pipeline = "pipeline" | "Pipeline",
        /// "Project Status: Suspended" on IOM Development Fund project pages.
        Suspended = "suspended" | "Suspended",
        /// "Project Status: Cancelled" on IOM Development Fund project pages.
        Cancelled = "cancelled" | "Cancelled" | "Canceled",
    }
}

codelist! {
    /// How many states a project or process covers, as IOM Development Fund
    /// project pages show under "Coverage".
    Coverage, "coverage", example = (Regional, "regional", "Regional") {
        /// "Coverage: National" on IOM Development Fund project pages: one
        /// benefiting state.
        National = "national" | "National",
        /// "Coverage: Regional" on IOM Development Fund project pages: two or
        /// more benefiting states of a region.
        Regional = "regional" | "Regional",
        /// "Coverage: Global" on IOM Development Fund project pages.
        Global = "global" | "Global",
    }
}

codelist! {
    /// The type of an IOM Development Fund project, spelled as the "Project
    /// Type" label of its project page in snake_case. Types not listed here
    /// are kept as written in `Other`.
    ProjectType, "project type", example = (MigrationPolicyActivities, "migration_policy_activities", "Migration Policy Activities") {
        /// "Project Type: Migration Policy Activities" on IOM Development Fund
        /// project pages (policy development, dialogue, workshops).
        MigrationPolicyActivities = "migration_policy_activities" | "Migration Policy Activities",
    }
}

codelist! {
    /// What an organisation or government does in a project.
    ProjectRole, "project role", example = (Funder, "funder", "Funder") {
        /// Pays for the project ("Donor"/"Funded by" on IOM project pages).
        Funder = "funder" | "Funder" | "Donor" | "Funded by",
        /// Carries the project out ("Implementing organization" on IOM project pages).
        Implementer = "implementer" | "Implementer" | "Implementing Organization",
        /// Takes part otherwise ("Partners" on IOM project pages).
        Partner = "partner" | "Partner",
    }
}

codelist! {
    /// What an amount of a project is, as IOM Development Fund project pages
    /// label it.
    AmountKind, "amount kind", example = (Budget, "budget", "Budget") {
        /// "Budget" on IOM Development Fund project pages.
        Budget = "budget" | "Budget",
        /// "IDF Contribution" on IOM Development Fund project pages: the part
        /// the Fund pays.
        IdfContribution = "idf_contribution" | "IDF Contribution",
        /// "Total Budget" on IOM Development Fund project pages: the Fund's part
        /// and co-funding together.
        TotalBudget = "total_budget" | "Total Budget",
    }
}

codelist! {
    /// The region an IOM Development Fund project belongs to, as the Fund's
    /// project list groups them under "Region".
    IdfRegion, "IDF region", example = (Africa, "africa", "Africa") {
        /// "Africa" in the IOM Development Fund project list.
        Africa = "africa" | "Africa",
        /// "Asia and Oceania" in the IOM Development Fund project list.
        AsiaAndOceania = "asia_and_oceania" | "Asia and Oceania" | "Asia & Oceania",
        /// "Latin America and the Caribbean" in the IOM Development Fund project list.
        LatinAmericaAndTheCaribbean = "latin_america_and_the_caribbean"
            | "Latin America and the Caribbean" | "Latin America & the Caribbean",
        /// "Europe" in the IOM Development Fund project list.
        Europe = "europe" | "Europe",
        /// "Middle East" in the IOM Development Fund project list.
        MiddleEast = "middle_east" | "Middle East",
        /// "Global" in the IOM Development Fund project list: projects not tied
        /// to one region.
        Global = "global" | "Global",
    }
}
