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
}

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
        string? recipientName, string expression, Guid by, string byName, DateTimeOffset at)
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

    public static IReadOnlyList<ConsentDecision> Allowed(ConsentTopic topic) => topic switch
    {
        ConsentTopic.SpipInformation or ConsentTopic.CourtOrderedCareInformation => [ConsentDecision.Informed],
        ConsentTopic.SpipObjection => [ConsentDecision.Objected, ConsentDecision.ObjectionWithdrawn],
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

    public static string Label(this OutsideCategory category) => category switch
    {
        OutsideCategory.Health => "santé",
        OutsideCategory.Social => "social",
        _ => "médico-social",
    };
}
