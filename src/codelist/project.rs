//! Code lists of IOM Development Fund projects.

codelist! {
    /// The status of an IOM Development Fund project, as its project page
    /// shows under "Project Status".
    ProjectStatus, "project status", example = (Completed, "completed", "Completed") {
        /// "Project Status: Completed" on IOM Development Fund project pages;
        /// "Statut du projet : Achevé" on their French pages; "Finalizado" on
        /// their Spanish pages (as `T97-805`, iom.int/es/node/175631).
        Completed = "completed" | "Completed" | "Achevé" | "Finalizado",
        /// "Project Status: Ongoing" in the Fund's older wording; current
        /// project pages print "Active" ("Actif" on French pages), which
        /// maps here: the two labels name the same status.
        Ongoing = "ongoing" | "Ongoing" | "Active" | "Actif",
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
        /// "Coverage: Multi-Regional" on IOM Development Fund project pages:
        /// benefiting states in more than one region (as `TF2-805`, East
        /// Africa and Yemen).
        MultiRegional = "multi_regional" | "Multi-Regional",
    }
}

codelist! {
    /// The type of an IOM Development Fund project, spelled as the "Project
    /// Type" label of its project page in snake_case. Types not listed here
    /// are kept as written in `Other`.
    ProjectType, "project type", example = (MigrationPolicyActivities, "migration_policy_activities", "Migration Policy Activities") {
        /// "Migration Policy Activities" ("Activités de politique migratoire").
        MigrationPolicyActivities = "migration_policy_activities" | "Migration Policy Activities" | "Activités de politique migratoire",
        /// "TCMMCB", as the Fund's pages print this type's acronym.
        Tcmmcb = "tcmmcb" | "TCMMCB",
        /// "Labour Migration" ("Migration de main-d’œuvre").
        LabourMigration = "labour_migration" | "Labour Migration" | "Migration de main-d’œuvre" | "Migration de main-d'œuvre",
        /// "Community and Economic Development" ("Développement communautaire et économique").
        CommunityAndEconomicDevelopment = "community_and_economic_development" | "Community and Economic Development" | "Développement communautaire et économique",
        /// "Community Development" ("Développement communautaire").
        CommunityDevelopment = "community_development" | "Community Development" | "Développement communautaire",
        /// "Counter Trafficking Projects" ("Lutte contre la traite").
        /// Also "Counter Trafficking (CT)", as IOM country-office pages print it.
        CounterTrafficking = "counter_trafficking" | "Counter Trafficking Projects" | "Counter Trafficking (CT)" | "Lutte contre la traite",
        /// "Return Assist to Migrants and Government", as printed (also "Return
        /// and Reintegration Assistance for Migrants and Governments" on newer
        /// English pages; "Aide au
        /// retour et à la réintégration à l’intention des migrants et des
        /// gouvernements", or "Aide au retour à l’intention des migrants et des
        /// gouvernements" on the French page of the English "Return Assist" type).
        ReturnAssistance = "return_assistance" | "Return Assist to Migrants and Government" | "Return and Reintegration Assistance for Migrants and Governments" | "Aide au retour à l’intention des migrants et des gouvernements" | "Aide au retour à l'intention des migrants et des gouvernements" | "Aide au retour et à la réintégration à l’intention des migrants et des gouvernements" | "Aide au retour et à la réintégration à l'intention des migrants et des gouvernements",
        /// "Protection and Assistance to Vulnerable Migrants" ("Protection et
        /// assistance aux migrants vulnérables").
        ProtectionOfVulnerableMigrants = "protection_of_vulnerable_migrants" | "Protection and Assistance to Vulnerable Migrants" | "Protection et assistance aux migrants vulnérables",
        /// "Transfer of migrant knowledge and resources" on English pages (as
        /// `TK.0044`), "Transfert des connaissances et des ressources des
        /// migrants" on French pages.
        MigrantKnowledgeAndResourceTransfer = "migrant_knowledge_and_resource_transfer" | "Transfer of migrant knowledge and resources" | "Transfert des connaissances et des ressources des migrants",
        /// "Immigration and Borders" ("Immigration et frontières").
        ImmigrationAndBorders = "immigration_and_borders" | "Immigration and Borders" | "Immigration et frontières",
        /// "Migration Research and Publication" on English pages (as `PR.0237`),
        /// "Recherche et publications en matière migratoire" on French pages,
        /// "Investigación y publicaciones sobre migración" on Spanish pages (as
        /// `PR.0221`).
        MigrationResearchAndPublications = "migration_research_and_publications" | "Migration Research and Publication" | "Recherche et publications en matière migratoire" | "Investigación y publicaciones sobre migración",
        /// "Environnement et changement climatique" (French pages; no English
        /// label was seen).
        EnvironmentAndClimateChange = "environment_and_climate_change" | "Environnement et changement climatique",
        /// "Health Promotion and Assist for Migrants", as printed ("Promotion de
        /// la santé et assistance sanitaire aux migrants").
        MigrantHealth = "migrant_health" | "Health Promotion and Assist for Migrants" | "Promotion de la santé et assistance sanitaire aux migrants",
        /// "Intégration et cohésion sociale" (French pages; no English label was seen).
        IntegrationAndSocialCohesion = "integration_and_social_cohesion" | "Intégration et cohésion sociale",
        /// "Services de migration assistée" (French pages; no English label was seen).
        AssistedMigrationServices = "assisted_migration_services" | "Services de migration assistée",
        /// "Droit international de la migration" (French pages; no English label was seen).
        InternationalMigrationLaw = "international_migration_law" | "Droit international de la migration",
        /// "Intégration de la migration dans le développement" (French pages; no
        /// English label was seen).
        MigrationAndDevelopment = "migration_and_development" | "Intégration de la migration dans le développement",
        /// "Appui à la gestion des migrations" (French pages; no English label was seen).
        MigrationManagementSupport = "migration_management_support" | "Appui à la gestion des migrations",
        /// "Emergency Response and Assistance to Displaced Populations" (English
        /// pages; no French or Spanish label was seen).
        EmergencyResponse = "emergency_response" | "Emergency Response and Assistance to Displaced Populations",
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
        /// "Africa" in the IOM Development Fund project list ("Afrique" on
        /// French project pages).
        Africa = "africa" | "Africa" | "Afrique",
        /// "Asia and Oceania" in the IOM Development Fund project list ("Asie
        /// et Océanie" on French project pages).
        AsiaAndOceania = "asia_and_oceania" | "Asia and Oceania" | "Asia & Oceania" | "Asie et Océanie",
        /// "Latin America and the Caribbean" in the IOM Development Fund project
        /// list ("Amérique latine et Caraïbes" on French project pages,
        /// "América Latina y el Caribe" on Spanish ones).
        LatinAmericaAndTheCaribbean = "latin_america_and_the_caribbean"
            | "Latin America and the Caribbean" | "Latin America & the Caribbean"
            | "Amérique latine et Caraïbes" | "América Latina y el Caribe",
        /// "Europe" in the IOM Development Fund project list.
        Europe = "europe" | "Europe",
        /// "Middle East" in the IOM Development Fund project list.
        MiddleEast = "middle_east" | "Middle East",
        /// "Global" in the IOM Development Fund project list: projects not tied
        /// to one region ("Monde" on French project pages).
        Global = "global" | "Global" | "Monde",
    }
}
