using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Disclosures;

/// <summary>
/// P06: a serious risk to the safety of persons — the director receives the protective measures needed and the facts
/// useful for them, nothing medical (no diagnosis or history field, and the free text is checked).
/// </summary>
public sealed class RiskSignalement : IUnitScoped
{
    /// <summary>Non-medical protective measures a physician may ask for.</summary>
    public static readonly IReadOnlyList<string> MeasureCatalogue =
    [
        "Surveillance renforcée", "Cellule individuelle", "Éviter tout codétenu", "Retrait des objets dangereux",
        "Rondes de nuit plus fréquentes", "Contact avec l'unité sanitaire en cas d'incident", "Accès au téléphone facilité",
    ];

    private RiskSignalement()
    {
        Facts = AuthorName = "";
    }

    public RiskSignalement(Guid patientId, Guid unitId, IReadOnlyList<string> measures, string facts, Guid disclosureId,
        Guid authorId, string authorName, DateTimeOffset at)
    {
        if (measures.Count == 0)
        {
            throw new DomainException("Choisissez au moins une mesure de protection.");
        }
        if (string.IsNullOrWhiteSpace(facts))
        {
            throw new DomainException("Décrivez les faits utiles aux mesures de protection (sans élément médical).");
        }
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        Measures = [.. measures];
        Facts = facts.Trim();
        DisclosureId = disclosureId;
        AuthorId = authorId;
        AuthorName = authorName;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public List<string> Measures { get; private set; } = [];
    public string Facts { get; private set; }
    public Guid DisclosureId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>On what ground a report of abuse to the procureur was made (P07).</summary>
public enum AbuseReportGround
{
    PatientAgreement,
    /// <summary>A minor: no agreement needed (P07, P36).</summary>
    Minor,
    /// <summary>A person unable to protect himself (age, physical or psychic state): no agreement needed.</summary>
    Vulnerable,
}

/// <summary>P07: report of abuse or ill-treatment (« sévices ou mauvais traitements ») to the procureur.</summary>
public sealed class AbuseSignalement : IUnitScoped
{
    private AbuseSignalement()
    {
        Findings = AuthorName = "";
        Pdf = [];
    }

    public AbuseSignalement(Guid patientId, Guid unitId, string findings, AbuseReportGround ground, bool patientInformed,
        bool copyGiven, bool directorInformed, byte[] pdf, Guid authorId, string authorName, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        Findings = findings.Trim();
        Ground = ground;
        PatientInformed = patientInformed;
        CopyGiven = copyGiven;
        DirectorInformed = directorInformed;
        Pdf = pdf;
        AuthorId = authorId;
        AuthorName = authorName;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Findings { get; private set; }
    public AbuseReportGround Ground { get; private set; }
    public bool PatientInformed { get; private set; }
    public bool CopyGiven { get; private set; }
    public bool DirectorInformed { get; private set; }
    public byte[] Pdf { get; private set; }
    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>
    /// P07: the patient's agreement is required, unless he is a minor or unable to protect himself; the patient is
    /// always informed; the director only with the patient's agreement.
    /// </summary>
    public static (AbuseReportGround Ground, IReadOnlyList<string> Problems) Check(bool agreed, bool minor, bool vulnerable,
        bool patientInformed, bool informDirector, bool directorAgreed, string? findings)
    {
        var problems = new List<string>();
        var ground = agreed ? AbuseReportGround.PatientAgreement
            : minor ? AbuseReportGround.Minor
            : vulnerable ? AbuseReportGround.Vulnerable
            : (AbuseReportGround?)null;
        if (ground is null)
        {
            problems.Add("Le patient n'a pas donné son accord au signalement : il faut son accord, sauf s'il est mineur ou hors d'état de se protéger (raison à enregistrer sur sa fiche) (P07).");
        }
        if (!patientInformed)
        {
            problems.Add("Le patient doit être informé du signalement (P07).");
        }
        if (informDirector && !directorAgreed)
        {
            problems.Add("Le chef d'établissement ne peut être informé qu'avec l'accord du patient (P07).");
        }
        if (string.IsNullOrWhiteSpace(findings))
        {
            problems.Add("Décrivez les constatations qui fondent le signalement.");
        }
        return (ground ?? AbuseReportGround.PatientAgreement, problems);
    }
}
