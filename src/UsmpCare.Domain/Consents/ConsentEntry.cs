namespace UsmpCare.Domain.Consents;

/// <summary>What the patient was asked, or informed of.</summary>
public enum ConsentTopic
{
    /// <summary>P30: sharing between the somatic and psychiatric teams.</summary>
    TeamSharing,
    /// <summary>P02: exchange with outside professionals of a category (health, social, medico-social).</summary>
    OutsideExchange,
    /// <summary>P03: informed of the right to object to sharing with SPIP.</summary>
    SpipInformation,
    /// <summary>P03: objection to sharing with SPIP, given or withdrawn.</summary>
    SpipObjection,
    /// <summary>P20: « Mon espace santé ».</summary>
    MonEspaceSante,
    /// <summary>P11: informed of the judicial consequences of refusing court-ordered care or of irregular follow-up.</summary>
    CourtOrderedCareInformation,
    /// <summary>P07: agreement to a report of abuse to the procureur.</summary>
    AbuseReport,
    /// <summary>P07: agreement that the head of establishment be informed of that report.</summary>
    DirectorInformation,
    /// <summary>P13: after a transfer, the receiving unit may read (never write) the record kept by the sending unit.</summary>
    TransferredRecordAccess,
    /// <summary>
    /// P36: a holder of parental authority of a minor patient, informed of his care or asked to agree to it
    /// (art. L.1111-2 and L.1111-4 CSP, R.4127-42 CSP).
    /// </summary>
    ParentalAuthority,
    /// <summary>
    /// P36: the minor objects to the holders of parental authority being consulted; the physician may then dispense
    /// with their consent for care needed to safeguard his health, the minor being accompanied by an adult of his
    /// choice (art. L.1111-5 CSP).
    /// </summary>
    MinorObjection,
}

/// <summary>P36: in what quality a person holds parental authority over a minor patient (or has custody of him).</summary>
public enum HolderQuality
{
    Mother,
    Father,
    Guardian,
    /// <summary>Service de l'aide sociale à l'enfance, to which the child is entrusted.</summary>
    ChildWelfare,
}

/// <summary>P36: who was reached for a minor patient, in what quality, and on what day.</summary>
public sealed record ParentalHolder(string Name, HolderQuality Quality, DateOnly ReachedOn);

public enum ConsentDecision
{
    Agreed,
    Refused,
    Informed,
    Objected,
    ObjectionWithdrawn,
}

public enum OutsideCategory
{
    Health,
    Social,
    MedicoSocial,
}

/// <summary>
/// One dated, attributed statement of the patient's will. Entries are never overwritten (the table refuses UPDATE
/// and DELETE): the current state is read from the history, the latest entry of a topic winning.
/// </summary>
public sealed class ConsentEntry
{
    private ConsentEntry()
    {
        Expression = RecordedByName = "";
    }

    public ConsentEntry(Guid patientId, ConsentTopic topic, ConsentDecision decision, OutsideCategory? category,
        string? recipientName, string expression, Guid by, string byName, DateTimeOffset at,
        ParentalHolder? holder = null, string? accompanyingAdult = null)
    {
        if (!Allowed(topic).Contains(decision))
        {
            throw new DomainException("Cette réponse ne correspond pas à la question posée au patient.");
        }
        if (topic == ConsentTopic.OutsideExchange && category is null)
        {
            throw new DomainException("Précisez la catégorie de professionnels (santé, social, médico-social).");
        }
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new DomainException("Notez comment le patient s'est exprimé (oralement, par écrit, en présence de qui…).");
        }
        if (topic == ConsentTopic.ParentalAuthority)
        {
            CheckHolder(holder, at);
        }
        // Art. L.1111-5 CSP: a minor who keeps his care from his parents must be accompanied by an adult of his choice.
        if (topic == ConsentTopic.MinorObjection && decision == ConsentDecision.Objected && string.IsNullOrWhiteSpace(accompanyingAdult))
        {
            throw new DomainException("Le mineur qui s'oppose à la consultation de ses parents doit se faire accompagner d'une personne majeure de son choix : indiquez son nom et sa qualité.");
        }
        Id = Guid.NewGuid();
        PatientId = patientId;
        Topic = topic;
        Decision = decision;
        Category = topic == ConsentTopic.OutsideExchange ? category : null;
        RecipientName = string.IsNullOrWhiteSpace(recipientName) ? null : recipientName.Trim();
        Expression = expression.Trim();
        RecordedById = by;
        RecordedByName = byName;
        RecordedAt = at;
        if (topic == ConsentTopic.ParentalAuthority)
        {
            HolderName = holder!.Name.Trim();
            HolderQuality = holder.Quality;
            HolderReachedOn = holder.ReachedOn;
        }
        AccompanyingAdult = topic == ConsentTopic.MinorObjection && decision == ConsentDecision.Objected ? accompanyingAdult!.Trim() : null;
    }

    private static void CheckHolder(ParentalHolder? holder, DateTimeOffset at)
    {
        if (holder is null || string.IsNullOrWhiteSpace(holder.Name))
        {
            throw new DomainException("Indiquez le nom du titulaire de l'autorité parentale.");
        }
        if (!Enum.IsDefined(holder.Quality))
        {
            throw new DomainException("Indiquez la qualité du titulaire de l'autorité parentale (mère, père, tuteur, aide sociale à l'enfance).");
        }
        // A day's margin: the form gives the Paris date, a day ahead of UTC for two hours each night.
        if (holder.ReachedOn > DateOnly.FromDateTime(at.UtcDateTime).AddDays(1))
        {
            throw new DomainException("La date à laquelle le titulaire a été joint ne peut pas être dans le futur.");
        }
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public ConsentTopic Topic { get; private set; }
    public ConsentDecision Decision { get; private set; }
    public OutsideCategory? Category { get; private set; }
    public string? RecipientName { get; private set; }
    public string Expression { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>P36: the holder of parental authority who answered (topic <see cref="ConsentTopic.ParentalAuthority"/>).</summary>
    public string? HolderName { get; private set; }
    public HolderQuality? HolderQuality { get; private set; }

    /// <summary>The day the holder was informed or gave his answer (by telephone, letter, visit…: see <see cref="Expression"/>).</summary>
    public DateOnly? HolderReachedOn { get; private set; }

    /// <summary>P36: the adult of his choice who accompanies a minor objecting to his parents being consulted (art. L.1111-5 CSP).</summary>
    public string? AccompanyingAdult { get; private set; }

    public static IReadOnlyList<ConsentDecision> Allowed(ConsentTopic topic) => topic switch
    {
        ConsentTopic.SpipInformation or ConsentTopic.CourtOrderedCareInformation => [ConsentDecision.Informed],
        ConsentTopic.SpipObjection or ConsentTopic.MinorObjection => [ConsentDecision.Objected, ConsentDecision.ObjectionWithdrawn],
        ConsentTopic.ParentalAuthority => [ConsentDecision.Informed, ConsentDecision.Agreed, ConsentDecision.Refused],
        _ => [ConsentDecision.Agreed, ConsentDecision.Refused],
    };
}

/// <summary>The current state of a patient's consents, derived from the whole history.</summary>
public sealed class ConsentState(IEnumerable<ConsentEntry> history)
{
    private readonly List<ConsentEntry> _history = [.. history.OrderBy(e => e.RecordedAt)];

    public IReadOnlyList<ConsentEntry> History => _history;

    private ConsentEntry? Latest(ConsentTopic topic, OutsideCategory? category = null) =>
        _history.LastOrDefault(e => e.Topic == topic && (category is null || e.Category == category));

    /// <summary>P30.</summary>
    public bool TeamsShare => Latest(ConsentTopic.TeamSharing)?.Decision == ConsentDecision.Agreed;

    public ConsentEntry? SpipInformed => Latest(ConsentTopic.SpipInformation);

    /// <summary>P03: an objection counts from the moment it is recorded, until withdrawn.</summary>
    public bool ObjectsToSpip => Latest(ConsentTopic.SpipObjection)?.Decision == ConsentDecision.Objected;

    public bool MonEspaceSante => MonEspaceSanteAgreement is not null;

    /// <summary>P20: the agreement an export to « Mon espace santé » relies on, while it is the patient's latest word.</summary>
    public ConsentEntry? MonEspaceSanteAgreement =>
        Latest(ConsentTopic.MonEspaceSante) is { Decision: ConsentDecision.Agreed } entry ? entry : null;

    /// <summary>P30: the agreement to sharing between the teams, while it is the patient's latest word.</summary>
    public ConsentEntry? TeamSharingAgreement =>
        Latest(ConsentTopic.TeamSharing) is { Decision: ConsentDecision.Agreed } entry ? entry : null;

    /// <summary>P13: the receiving unit reads the original record only with the patient's agreement.</summary>
    public bool TransferredRecordReadable => Latest(ConsentTopic.TransferredRecordAccess)?.Decision == ConsentDecision.Agreed;

    public ConsentEntry? CourtOrderedCareInformed => Latest(ConsentTopic.CourtOrderedCareInformation);

    public ConsentEntry? ExchangeAgreement(OutsideCategory category) =>
        Latest(ConsentTopic.OutsideExchange, category) is { Decision: ConsentDecision.Agreed } entry ? entry : null;

    public ConsentEntry? AbuseReportAgreement =>
        Latest(ConsentTopic.AbuseReport) is { Decision: ConsentDecision.Agreed } entry ? entry : null;

    /// <summary>P36: each holder of parental authority's latest word, a holder being known by quality and name.</summary>
    public IReadOnlyList<ConsentEntry> HolderWords =>
        [.. _history.Where(e => e.Topic == ConsentTopic.ParentalAuthority)
            .GroupBy(e => (e.HolderQuality, e.HolderName!.ToUpperInvariant())).Select(g => g.Last())];

    /// <summary>
    /// P36: the holders' agreement to the minor's care, while it is their latest word; one holder's refusal is not
    /// overridden by the other's agreement (art. 372-2 code civil presumes agreement only where none objects).
    /// </summary>
    public ConsentEntry? ParentalAgreement
    {
        get
        {
            var words = HolderWords;
            return words.Any(w => w.Decision == ConsentDecision.Refused) ? null : words.LastOrDefault(w => w.Decision == ConsentDecision.Agreed);
        }
    }

    /// <summary>P36: the minor's objection to his parents being consulted, with his accompanying adult, until withdrawn.</summary>
    public ConsentEntry? MinorObjectionToHolders =>
        Latest(ConsentTopic.MinorObjection) is { Decision: ConsentDecision.Objected } entry ? entry : null;

    /// <summary>P36: what lets an act on a minor be signed: the holders' agreement, else his objection (art. L.1111-5 CSP).</summary>
    public ConsentEntry? MinorCareBasis => ParentalAgreement ?? MinorObjectionToHolders;

    public ConsentEntry? DirectorInformationAgreement =>
        Latest(ConsentTopic.DirectorInformation) is { Decision: ConsentDecision.Agreed } entry ? entry : null;

    /// <summary>
    /// P02: the patient's current word that lets information leave for that recipient, or null. A physician, another
    /// unit or a hospital is the health category; SPIP is allowed once he was informed, as long as he does not object (P03).
    /// </summary>
    public ConsentEntry? AgreementToLeaveFor(Disclosures.RecipientCategory recipient) => recipient switch
    {
        Disclosures.RecipientCategory.Spip => WhySpipShareIsRefused() is null ? SpipInformed : null,
        Disclosures.RecipientCategory.DesignatedPhysician or Disclosures.RecipientCategory.OtherUnit
            or Disclosures.RecipientCategory.OutsideProfessional => ExchangeAgreement(OutsideCategory.Health),
        _ => null,
    };

    /// <summary>P03 and P02: why nothing may be shared with SPIP now, or null when a share is allowed.</summary>
    public string? WhySpipShareIsRefused() =>
        ObjectsToSpip
            ? "Le patient s'est opposé au partage avec le SPIP : aucun nouvel élément ne peut lui être transmis (P03)."
            : SpipInformed is null
                ? "Le patient n'a pas encore été informé de son droit de s'opposer au partage avec le SPIP : enregistrez d'abord cette information (P03)."
                : null;
}

public static class ConsentLabels
{
    public static string Label(this ConsentTopic topic) => topic switch
    {
        ConsentTopic.TeamSharing => "Partage entre les équipes somatique et psychiatrique",
        ConsentTopic.OutsideExchange => "Échange avec des professionnels extérieurs",
        ConsentTopic.SpipInformation => "Information sur le droit de s'opposer au partage avec le SPIP",
        ConsentTopic.SpipObjection => "Opposition au partage avec le SPIP",
        ConsentTopic.MonEspaceSante => "Alimentation de « Mon espace santé »",
        ConsentTopic.CourtOrderedCareInformation => "Information sur les conséquences judiciaires d'un refus de soins ordonnés",
        ConsentTopic.AbuseReport => "Signalement de sévices au procureur",
        ConsentTopic.DirectorInformation => "Information du chef d'établissement sur ce signalement",
        ConsentTopic.TransferredRecordAccess => "Lecture du dossier d'origine par l'unité qui l'accueille après un transfert",
        ConsentTopic.ParentalAuthority => "Patient mineur : information et accord du titulaire de l'autorité parentale",
        ConsentTopic.MinorObjection => "Patient mineur : opposition à la consultation des titulaires de l'autorité parentale",
        _ => topic.ToString(),
    };

    public static string Label(this ConsentDecision decision) => decision switch
    {
        ConsentDecision.Agreed => "Accord",
        ConsentDecision.Refused => "Refus",
        ConsentDecision.Informed => "Information donnée",
        ConsentDecision.Objected => "Opposition",
        ConsentDecision.ObjectionWithdrawn => "Opposition retirée",
        _ => decision.ToString(),
    };

    public static string Label(this HolderQuality quality) => quality switch
    {
        HolderQuality.Mother => "mère",
        HolderQuality.Father => "père",
        HolderQuality.Guardian => "tuteur",
        HolderQuality.ChildWelfare => "aide sociale à l'enfance",
        _ => quality.ToString(),
    };

    public static string Label(this OutsideCategory category) => category switch
    {
        OutsideCategory.Health => "santé",
        OutsideCategory.Social => "social",
        _ => "médico-social",
    };
}
