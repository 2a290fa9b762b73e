//! Human labels for every known code-list value, in English, French and Spanish.
//!
//! The machine form of a value is its snake_case code ([`Display`](std::fmt::Display),
//! `as_str`, JSON); the label is for people. English labels follow IOM's pages
//! where a page prints the value (Development Fund project types as the Fund
//! names them); French labels are those of IOM's French pages where the
//! project has seen one (`Achevé`, the French project types) and otherwise
//! the project's own translation, as are the Spanish labels. A value this
//! version does not know (`Other`) is labelled with its text as written, in
//! every language.
//!
//! # Examples
//!
//! ```
//! use migov::Language;
//! use migov::codelist::{ProjectStatus, ProjectType};
//!
//! assert_eq!(ProjectStatus::Completed.label(Language::French), "Achevé");
//! assert_eq!(ProjectStatus::Ongoing.label(Language::Spanish), "En curso");
//! assert_eq!(
//!     ProjectType::MigrationPolicyActivities.label(Language::English),
//!     "Migration Policy Activities"
//! );
//! let unknown: ProjectStatus = "on hold".parse()?;
//! assert_eq!(unknown.label(Language::French), "on hold");
//! # Ok::<(), migov::codelist::UnknownCodeError>(())
//! ```

use crate::codelist::{
    AmountKind, ContributionRole, Coverage, DocumentKind, EventKind, EventRelation, EventRole,
    IdfRegion, LifecycleStatus, MembershipRole, Metric, OutcomeKind, PartnerKind, ProcessKind,
    ProjectRole, ProjectStatus, ProjectType, SessionFormat,
};
use crate::value::Language;

/// Implements `label(language)` for one code list. The match is exhaustive,
/// so a value added to a list without its three labels does not compile.
macro_rules! labels {
    ($name:ident { $($variant:ident => ($en:literal, $fr:literal, $es:literal),)+ }) => {
        impl $name {
            /// The label of this value for people, in `language` (see the
            /// [labels module](crate::codelist#labels)); an unknown value's
            /// label is its text as written.
            #[must_use]
            pub fn label(&self, language: Language) -> &str {
                match self {
                    $(Self::$variant => language.pick(($en, $fr, $es)),)+
                    Self::Other(unknown) => unknown.as_str(),
                }
            }

            /// The known value with `text` as one of its labels, in any of
            /// the three languages, ignoring case.
            pub(crate) fn from_label(text: &str) -> Option<Self> {
                $(
                    if crate::codelist::eq_ignore_case(text, $en)
                        || crate::codelist::eq_ignore_case(text, $fr)
                        || crate::codelist::eq_ignore_case(text, $es)
                    {
                        return Some(Self::$variant);
                    }
                )+
                None
            }
        }
    };
}

labels! {
    EventKind {
        Workshop => ("Workshop", "Atelier", "Taller"),
        Seminar => ("Seminar", "Séminaire", "Seminario"),
        CouncilSession => ("Council session", "Session du Conseil", "Período de sesiones del Consejo"),
        Dialogue => ("Dialogue", "Dialogue", "Diálogo"),
        MinisterialMeeting => ("Ministerial meeting", "Réunion ministérielle", "Reunión ministerial"),
        Conference => ("Conference", "Conférence", "Conferencia"),
        Meeting => ("Meeting", "Réunion", "Reunión"),
    }
}

labels! {
    SessionFormat {
        Plenary => ("Plenary", "Séance plénière", "Sesión plenaria"),
        Panel => ("Panel", "Table ronde", "Panel"),
        SpecialPanel => ("Special panel", "Table ronde spéciale", "Panel especial"),
        GeneralDebate => ("General debate", "Débat général", "Debate general"),
        Opening => ("Opening", "Ouverture", "Apertura"),
        Presentation => ("Presentation", "Présentation", "Presentación"),
    }
}

labels! {
    EventRole {
        Organiser => ("Organiser", "Organisateur", "Organizador"),
        Chair => ("Chair", "Présidence", "Presidencia"),
        CoChair => ("Co-chair", "Coprésidence", "Copresidencia"),
        Coordinator => ("Coordinator", "Coordonnateur", "Coordinador"),
        Host => ("Host", "Hôte", "Anfitrión"),
        Funder => ("Funder", "Bailleur de fonds", "Financiador"),
        Supporter => ("Supporter", "Soutien", "Apoyo"),
        Participant => ("Participant", "Participant", "Participante"),
        Collaborator => ("Collaborator", "Collaborateur", "Colaborador"),
    }
}

labels! {
    EventRelation {
        FollowUpOf => ("Follow-up of", "Suite de", "Seguimiento de"),
        PreparatoryTo => ("Preparatory to", "Préparatoire à", "Preparatorio de"),
        PartOf => ("Part of", "Partie de", "Parte de"),
    }
}

labels! {
    OutcomeKind {
        Declaration => ("Declaration", "Déclaration", "Declaración"),
        Report => ("Report", "Rapport", "Informe"),
        Recommendations => ("Recommendations", "Recommandations", "Recomendaciones"),
        ActionPlan => ("Action plan", "Plan d'action", "Plan de acción"),
        FollowUpDocument => ("Follow-up document", "Document de suivi", "Documento de seguimiento"),
    }
}

labels! {
    DocumentKind {
        Bio => ("Biography", "Biographie", "Biografía"),
        Presentation => ("Presentation", "Présentation", "Presentación"),
    }
}

labels! {
    ContributionRole {
        Moderator => ("Moderator", "Modération", "Moderación"),
        Speaker => ("Speaker", "Intervenant", "Orador"),
        Keynote => ("Keynote", "Discours liminaire", "Discurso principal"),
        OpeningRemarks => ("Opening remarks", "Allocution d'ouverture", "Palabras de apertura"),
        ClosingRemarks => ("Closing remarks", "Allocution de clôture", "Palabras de clausura"),
        Rapporteur => ("Rapporteur", "Rapporteur", "Relator"),
        Chair => ("Chair", "Présidence de séance", "Presidencia de sesión"),
    }
}

labels! {
    PartnerKind {
        UnAgency => ("UN agency", "Organisme des Nations Unies", "Organismo de las Naciones Unidas"),
        RegionalEconomicCommunity => ("Regional economic community", "Communauté économique régionale", "Comunidad económica regional"),
        IntergovernmentalOrganization => ("Intergovernmental organization", "Organisation intergouvernementale", "Organización intergubernamental"),
        Government => ("Government", "Gouvernement", "Gobierno"),
        Ngo => ("NGO", "ONG", "ONG"),
        Academic => ("Academia", "Milieu universitaire", "Sector académico"),
        PrivateSector => ("Private sector", "Secteur privé", "Sector privado"),
    }
}

labels! {
    Metric {
        MemberStates => ("Member States", "États Membres", "Estados Miembros"),
        ObserverStates => ("Observer States", "États observateurs", "Estados observadores"),
        Offices => ("Offices", "Bureaux", "Oficinas"),
        CountriesWithPresence => ("Countries with presence", "Pays où l'organisation est présente", "Países con presencia"),
    }
}

labels! {
    ProcessKind {
        RegionalConsultativeProcess => ("Regional consultative process", "Processus consultatif régional", "Proceso consultivo regional"),
        InterregionalForum => ("Interregional forum", "Forum interrégional", "Foro interregional"),
        GlobalProcess => ("Global process", "Processus mondial", "Proceso mundial"),
    }
}

labels! {
    MembershipRole {
        Member => ("Member", "Membre", "Miembro"),
        Observer => ("Observer", "Observateur", "Observador"),
        Partner => ("Partner", "Partenaire", "Asociado"),
        Chair => ("Chair", "Présidence", "Presidencia"),
        ViceChair => ("Vice-chair", "Vice-présidence", "Vicepresidencia"),
        CoChair => ("Co-chair", "Coprésidence", "Copresidencia"),
        Secretariat => ("Secretariat", "Secrétariat", "Secretaría"),
        WorkingGroupChair => ("Working group chair", "Présidence d'un groupe de travail", "Presidencia de un grupo de trabajo"),
        PermanentChair => ("Permanent chair", "Présidence permanente", "Presidencia permanente"),
        AssociateMember => ("Associate member", "Membre associé", "Miembro asociado"),
    }
}

labels! {
    LifecycleStatus {
        Active => ("Active", "Actif", "Activo"),
        Dormant => ("Dormant", "En sommeil", "Inactivo"),
        Dissolved => ("Dissolved", "Dissous", "Disuelto"),
    }
}

labels! {
    ProjectStatus {
        Completed => ("Completed", "Achevé", "Finalizado"),
        Ongoing => ("Ongoing", "En cours", "En curso"),
        Pipeline => ("Pipeline", "En préparation", "En preparación"),
        Suspended => ("Suspended", "Suspendu", "Suspendido"),
        Cancelled => ("Cancelled", "Annulé", "Cancelado"),
    }
}

labels! {
    Coverage {
        National => ("National", "National", "Nacional"),
        Regional => ("Regional", "Régional", "Regional"),
        Global => ("Global", "Mondial", "Mundial"),
        MultiRegional => ("Multi-Regional", "Multirégional", "Multirregional"),
    }
}

labels! {
    ProjectType {
        MigrationPolicyActivities => ("Migration Policy Activities", "Activités de politique migratoire", "Actividades de política migratoria"),
        Tcmmcb => ("Technical Cooperation on Migration Management and Capacity Building (TCMMCB)", "Coopération technique en matière de gestion des migrations et renforcement des capacités (TCMMCB)", "Cooperación técnica en gestión de la migración y fortalecimiento de capacidades (TCMMCB)"),
        LabourMigration => ("Labour Migration", "Migration de main-d’œuvre", "Migración laboral"),
        CommunityAndEconomicDevelopment => ("Community and Economic Development", "Développement communautaire et économique", "Desarrollo comunitario y económico"),
        CommunityDevelopment => ("Community Development", "Développement communautaire", "Desarrollo comunitario"),
        CounterTrafficking => ("Counter Trafficking", "Lutte contre la traite", "Lucha contra la trata"),
        ReturnAssistance => ("Return and Reintegration Assistance for Migrants and Governments", "Aide au retour et à la réintégration à l’intention des migrants et des gouvernements", "Asistencia para el retorno a migrantes y gobiernos"),
        ProtectionOfVulnerableMigrants => ("Protection and Assistance to Vulnerable Migrants", "Protection et assistance aux migrants vulnérables", "Protección y asistencia a migrantes vulnerables"),
        MigrantKnowledgeAndResourceTransfer => ("Transfer of migrant knowledge and resources", "Transfert des connaissances et des ressources des migrants", "Transferencia de conocimientos y recursos de los migrantes"),
        ImmigrationAndBorders => ("Immigration and Borders", "Immigration et frontières", "Inmigración y fronteras"),
        MigrationResearchAndPublications => ("Migration Research and Publication", "Recherche et publications en matière migratoire", "Investigación y publicaciones sobre migración"),
        EnvironmentAndClimateChange => ("Environment and Climate Change", "Environnement et changement climatique", "Medio ambiente y cambio climático"),
        MigrantHealth => ("Migration Health Promotion and Assistance", "Promotion de la santé et assistance sanitaire aux migrants", "Promoción de la salud y asistencia sanitaria a los migrantes"),
        IntegrationAndSocialCohesion => ("Integration and Social Cohesion", "Intégration et cohésion sociale", "Integración y cohesión social"),
        AssistedMigrationServices => ("Assisted Migration Services", "Services de migration assistée", "Servicios de migración asistida"),
        InternationalMigrationLaw => ("International Migration Law", "Droit international de la migration", "Derecho internacional sobre migración"),
        MigrationAndDevelopment => ("Mainstreaming Migration into Development", "Intégration de la migration dans le développement", "Integración de la migración en el desarrollo"),
        MigrationManagementSupport => ("Migration Management Support", "Appui à la gestion des migrations", "Apoyo a la gestión de la migración"),
        EmergencyResponse => ("Emergency Response and Assistance to Displaced Populations", "Intervention d’urgence et assistance aux populations déplacées", "Respuesta de emergencia y asistencia a poblaciones desplazadas"),
    }
}

labels! {
    ProjectRole {
        Funder => ("Funder", "Bailleur de fonds", "Financiador"),
        Implementer => ("Implementer", "Organisme d'exécution", "Organismo de ejecución"),
        Partner => ("Partner", "Partenaire", "Asociado"),
    }
}

labels! {
    AmountKind {
        Budget => ("Budget", "Budget", "Presupuesto"),
        IdfContribution => ("IDF contribution", "Contribution du Fonds", "Contribución del Fondo"),
        TotalBudget => ("Total budget", "Budget total", "Presupuesto total"),
    }
}

labels! {
    IdfRegion {
        Africa => ("Africa", "Afrique", "África"),
        AsiaAndOceania => ("Asia and Oceania", "Asie et Océanie", "Asia y Oceanía"),
        LatinAmericaAndTheCaribbean => ("Latin America and the Caribbean", "Amérique latine et Caraïbes", "América Latina y el Caribe"),
        Europe => ("Europe", "Europe", "Europa"),
        MiddleEast => ("Middle East", "Moyen-Orient", "Oriente Medio"),
        Global => ("Global", "Mondial", "Mundial"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every known value of `list` has a non-empty label in each language,
    /// no two values of the list share a label in the same language, and
    /// every label, in any language, reads back as its own value.
    fn check<T: Clone + std::str::FromStr + PartialEq + std::fmt::Debug>(
        list: &str,
        known: impl Iterator<Item = T>,
        label: impl Fn(&T, Language) -> String,
    ) {
        let values: Vec<T> = known.collect();
        assert!(!values.is_empty(), "{list}");
        for language in Language::ALL {
            let mut seen = std::collections::BTreeSet::new();
            for v in &values {
                let l = label(v, language);
                assert_eq!(
                    l.parse::<T>().ok().as_ref(),
                    Some(v),
                    "{list}: the {language} label {l:?} reads as another value"
                );
                assert!(!l.trim().is_empty(), "{list}: empty {language} label");
                assert_eq!(l.trim(), l, "{list}: padded label {l:?}");
                assert!(
                    seen.insert(l.clone()),
                    "{list}: {language} label {l:?} used twice"
                );
            }
        }
    }

    #[test]
    fn every_known_value_has_three_distinct_labels() {
        check("event kind", EventKind::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("session format", SessionFormat::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("event role", EventRole::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("event relation", EventRelation::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("outcome kind", OutcomeKind::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("document kind", DocumentKind::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("contribution role", ContributionRole::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("partner kind", PartnerKind::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("metric", Metric::known(), |v, l| v.label(l).to_owned());
        check("process kind", ProcessKind::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("membership role", MembershipRole::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("lifecycle status", LifecycleStatus::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("project status", ProjectStatus::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("coverage", Coverage::known(), |v, l| v.label(l).to_owned());
        check("project type", ProjectType::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("project role", ProjectRole::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("amount kind", AmountKind::known(), |v, l| {
            v.label(l).to_owned()
        });
        check("IDF region", IdfRegion::known(), |v, l| {
            v.label(l).to_owned()
        });
    }

    #[test]
    fn french_labels_printed_by_iom_parse_back_to_their_value() {
        // Where the French label is the one IOM's pages print, parsing it
        // must give the same value (the parser knows the printed labels).
        for t in ProjectType::known() {
            let fr = t.label(Language::French);
            if t.labels().contains(&fr) {
                assert_eq!(fr.parse::<ProjectType>().ok(), Some(t.clone()));
            }
        }
        assert_eq!(
            ProjectStatus::Completed
                .label(Language::French)
                .parse::<ProjectStatus>()
                .ok(),
            Some(ProjectStatus::Completed)
        );
    }
}
