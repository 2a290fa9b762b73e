//! Code lists of consultative processes on migration and their members.

codelist! {
    /// The kind of an inter-state consultation mechanism on migration, as IOM's
    /// pages on RCPs and IRFs group them.
    ProcessKind, "process kind", example = (RegionalConsultativeProcess, "regional_consultative_process", "Regional Consultative Process") {
        /// A "Regional Consultative Process on Migration" (RCP) on IOM's RCP
        /// pages, such as MIDWA.
        RegionalConsultativeProcess = "regional_consultative_process"
            | "Regional Consultative Process" | "Regional Consultative Process on Migration" | "RCP",
        /// An "Interregional Forum on Migration" (IRF) on IOM's RCP pages,
        /// such as the 5+5 Dialogue.
        InterregionalForum = "interregional_forum"
            | "Interregional Forum" | "Inter-regional Forum" | "Interregional Forum on Migration" | "IRF",
        /// A "Global Process" on IOM's RCP pages, such as the Global Forum on
        /// Migration and Development.
        GlobalProcess = "global_process" | "Global Process",
    }
}

codelist! {
    /// The role of a state or organisation in a process, as process pages
    /// list "Members", "Observers" and office holders.
    MembershipRole, "membership role", example = (Member, "member", "Member") {
        /// Listed under "Members" / "Member States" on a process page.
        Member = "member" | "Member" | "Member State",
        /// Listed under "Observers" on a process page.
        Observer = "observer" | "Observer",
        /// Listed under "Partners" / "Partner organizations" on a process page.
        Partner = "partner" | "Partner",
        /// "Chair" on a process page: the state chairing it.
        Chair = "chair" | "Chair",
        /// "Vice-Chair" on a process page.
        ViceChair = "vice_chair" | "Vice-Chair" | "Vice Chair",
        /// "Co-Chair" on a process page.
        CoChair = "co_chair" | "Co-Chair" | "Co Chair",
        /// "Secretariat" on a process page (often IOM itself).
        Secretariat = "secretariat" | "Secretariat",
        /// "Working Group Chair" on a process page.
        WorkingGroupChair = "working_group_chair" | "Working Group Chair",
        /// "Permanent Chair" on a process page.
        PermanentChair = "permanent_chair" | "Permanent Chair",
        /// An associate member, with an agreement short of full membership,
        /// as ReliefWeb's page on ECOWAS prints Mauritania's "new
        /// associate-membership agreement" of August 2017
        /// (<https://reliefweb.int/organization/ecowas>). Not a member for
        /// the rules and queries that look for `member`.
        AssociateMember = "associate_member" | "Associate Member" | "Associate-member",
    }
}

codelist! {
    /// Whether a process still meets, as process pages describe it.
    LifecycleStatus, "lifecycle status", example = (Active, "active", "Active") {
        /// "Active" on a process page: it meets.
        Active = "active" | "Active",
        /// "Dormant" / "Inactive" on a process page: it has not met for years
        /// but was not wound up.
        Dormant = "dormant" | "Dormant" | "Inactive",
        /// "Dissolved" on a process page: formally ended.
        Dissolved = "dissolved" | "Dissolved",
    }
}
