using System.Globalization;
using System.Linq.Expressions;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.CareRequests;

/// <summary>The team the detainee asked for on his slip.</summary>
public enum RequestTeam
{
    Somatic,
    Psychiatric,
    Dental,
    Other,
}

public enum Urgency
{
    Urgent,
    /// <summary>« À voir dans la semaine ».</summary>
    ThisWeek,
    NotUrgent,
}

public enum CareRequestStatus
{
    New,
    Triaged,
    AppointmentSet,
    SeenInConsultation,
    Closed,
}

public enum CloseReason
{
    Resolved,
    Duplicate,
    PatientRefused,
    PatientLeft,
}

/// <summary>
/// A handwritten care request (« demande de soins ») dropped by a detainee in a wing's letter box and logged by a nurse
/// (P33). Its text is medical: only the care team it is addressed to reads it.
/// </summary>
public sealed class CareRequest : IUnitScoped
{
    private CareRequest()
    {
        Summary = LoggedByName = "";
    }

    public CareRequest(CollectionRound round, Guid? patientId, string? unidentifiedName, RequestTeam team,
        string summary, Urgency urgency, bool illegible, bool anonymous, bool severalRequests, Guid by, string byName,
        DateTimeOffset now)
    {
        if (round.ClosedAt is not null)
        {
            throw new DomainException("Cette tournée est close : ouvrez-en une nouvelle pour saisir d'autres billets.");
        }
        if (string.IsNullOrWhiteSpace(summary) && !illegible)
        {
            throw new DomainException("Résumez la demande en quelques mots (ou cochez « billet illisible »).");
        }
        if (patientId is null && string.IsNullOrWhiteSpace(unidentifiedName) && !anonymous)
        {
            throw new DomainException("Choisissez le patient, ou notez le nom écrit sur le billet pour le rapprocher plus tard, ou cochez « anonyme ».");
        }
        Id = Guid.NewGuid();
        UnitId = round.UnitId;
        RoundId = round.Id;
        Wing = round.Wing;
        CollectedAt = round.CollectedAt;
        PatientId = patientId;
        UnidentifiedName = patientId is null ? unidentifiedName?.Trim() : null;
        Team = team;
        Summary = string.IsNullOrWhiteSpace(summary) ? "(billet illisible)" : summary.Trim();
        Urgency = urgency;
        Illegible = illegible;
        Anonymous = anonymous;
        SeveralRequests = severalRequests;
        LoggedById = by;
        LoggedByName = byName;
        LoggedAt = now;
        Status = CareRequestStatus.New;
        Events.Add(new CareRequestEvent(Id, null, CareRequestStatus.New, "Billet saisi", by, byName, now));
    }

    /// <summary>
    /// A referral a physician of the unit addresses to a team on the patient's behalf — the psychiatric team offered at
    /// the entry visit and accepted by the patient (issue #21, point 4). It waits in that team's queue like a slip, read
    /// by that team only (P30), but comes from no round: no box was emptied, so no answer slip goes back to the cell.
    /// </summary>
    public static CareRequest Referral(Guid patientId, Guid unitId, RequestTeam team, string origin, string summary,
        Urgency urgency, Guid by, string byName, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new DomainException("Dites en quelques mots pourquoi le patient est orienté vers cette équipe.");
        }
        var request = new CareRequest
        {
            Id = Guid.NewGuid(), UnitId = unitId, RoundId = null, Wing = origin, CollectedAt = now, PatientId = patientId,
            Team = team, Summary = summary.Trim(), Urgency = urgency, LoggedById = by, LoggedByName = byName, LoggedAt = now,
            Status = CareRequestStatus.New,
        };
        request.Events.Add(new CareRequestEvent(request.Id, null, CareRequestStatus.New, $"Orientation ({origin})", by, byName, now));
        return request;
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>The round whose box held the slip; none for a <see cref="Referral"/>.</summary>
    public Guid? RoundId { get; private set; }
    public string Wing { get; private set; } = "";
    public DateTimeOffset CollectedAt { get; private set; }

    public Guid? PatientId { get; private set; }

    /// <summary>The name read on a slip whose writer could not be identified: kept until reconciled, nothing lost.</summary>
    public string? UnidentifiedName { get; private set; }

    public RequestTeam Team { get; private set; }
    public string Summary { get; private set; }
    public Urgency Urgency { get; private set; }
    public bool Illegible { get; private set; }
    public bool Anonymous { get; private set; }
    public bool SeveralRequests { get; private set; }

    public Guid LoggedById { get; private set; }
    public string LoggedByName { get; private set; }
    public DateTimeOffset LoggedAt { get; private set; }

    public CareRequestStatus Status { get; private set; }
    public DateTimeOffset? AppointmentAt { get; private set; }
    public Guid? ConsultationId { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public CloseReason? CloseReason { get; private set; }

    public uint Version { get; private set; }

    public List<CareRequestEvent> Events { get; private set; } = [];

    /// <summary>Which record's team reads this request (P30): psychiatric requests go to the psychiatric team only.</summary>
    public Team RecordTeam => TeamOf(Team);

    public static Team TeamOf(RequestTeam team) => team == RequestTeam.Psychiatric ? Security.Team.Psychiatric : Security.Team.Somatic;

    public static IReadOnlyList<RequestTeam> RequestTeamsOf(Team team) => team == Security.Team.Psychiatric
        ? [RequestTeam.Psychiatric]
        : [RequestTeam.Somatic, RequestTeam.Dental, RequestTeam.Other];

    /// <summary>
    /// « Open »: still waiting for the care team (new, triaged or with an appointment). Written once, as an expression
    /// that EF Core translates (<c>.Where(CareRequest.Open)</c>) and that <see cref="IsOpen"/> compiles, so a query and
    /// the state machine cannot disagree.
    /// </summary>
    public static readonly Expression<Func<CareRequest, bool>> Open = r =>
        r.Status == CareRequestStatus.New || r.Status == CareRequestStatus.Triaged || r.Status == CareRequestStatus.AppointmentSet;

    private static readonly Func<CareRequest, bool> IsOpenCompiled = Open.Compile();

    public bool IsOpen => IsOpenCompiled(this);

    public TimeSpan AgeAt(DateTimeOffset now) => (AnsweredAt ?? now) - CollectedAt;

    public void Triage(Urgency urgency, string? note, Guid by, string byName, DateTimeOffset now)
    {
        EnsureOpen();
        Urgency = urgency;
        Move(CareRequestStatus.Triaged, string.IsNullOrWhiteSpace(note) ? $"Triée ({Labels.Of(urgency)})" : note.Trim(), by, byName, now);
    }

    public void SetAppointment(DateTimeOffset at, Guid by, string byName, DateTimeOffset now)
    {
        EnsureOpen();
        EnsureIdentified();
        AppointmentAt = at;
        Move(CareRequestStatus.AppointmentSet, "Rendez-vous fixé", by, byName, now);
    }

    /// <summary>The consultation that answered the request: the wait ends here.</summary>
    public void AnsweredBy(Guid consultationId, DateTimeOffset consultationAt, Guid by, string byName, DateTimeOffset now)
    {
        EnsureOpen();
        EnsureIdentified();
        if (consultationAt < CollectedAt)
        {
            throw new DomainException("Cette consultation précède le dépôt du billet : elle ne peut pas y répondre.");
        }
        ConsultationId = consultationId;
        AnsweredAt = consultationAt;
        Move(CareRequestStatus.SeenInConsultation, "Vue en consultation", by, byName, now);
    }

    public void Close(CloseReason reason, string? note, Guid by, string byName, DateTimeOffset now)
    {
        EnsureOpen();
        CloseReason = reason;
        // Only an open request is closed, and an answered one is no longer open: AnsweredAt is still empty here.
        AnsweredAt = reason == CareRequests.CloseReason.Resolved ? now : null;
        Move(CareRequestStatus.Closed, string.IsNullOrWhiteSpace(note) ? $"Close : {Labels.Of(reason)}" : $"Close : {Labels.Of(reason)} — {note.Trim()}",
            by, byName, now);
    }

    /// <summary>Attaches a slip logged under a name to the patient it was finally matched with.</summary>
    public void Reconcile(Guid patientId, Guid by, string byName, DateTimeOffset now)
    {
        if (PatientId is not null)
        {
            throw new DomainException("Ce billet est déjà rattaché à un patient.");
        }
        PatientId = patientId;
        Events.Add(new CareRequestEvent(Id, Status, Status, $"Rapproché du patient (nom sur le billet : {UnidentifiedName})", by, byName, now));
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("Cette demande est déjà traitée (vue en consultation ou close).");
        }
    }

    private void EnsureIdentified()
    {
        if (PatientId is null)
        {
            throw new DomainException("Rapprochez d'abord ce billet d'un patient.");
        }
    }

    private void Move(CareRequestStatus to, string note, Guid by, string byName, DateTimeOffset now)
    {
        Events.Add(new CareRequestEvent(Id, Status, to, note, by, byName, now));
        Status = to;
    }
}

/// <summary>One status change of a care request: who, when, from what to what.</summary>
public sealed class CareRequestEvent
{
    private CareRequestEvent()
    {
        Note = ByName = "";
    }

    public CareRequestEvent(Guid requestId, CareRequestStatus? from, CareRequestStatus to, string note, Guid by,
        string byName, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        RequestId = requestId;
        From = from;
        To = to;
        Note = note;
        ById = by;
        ByName = byName;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public CareRequestStatus? From { get; private set; }
    public CareRequestStatus To { get; private set; }
    public string Note { get; private set; }
    public Guid ById { get; private set; }
    public string ByName { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>One emptying of a wing's letter box by a nurse.</summary>
public sealed class CollectionRound : IUnitScoped
{
    private CollectionRound()
    {
        Wing = Box = OpenedByName = "";
    }

    public CollectionRound(Guid unitId, string wing, string? box, DateTimeOffset collectedAt, Guid by, string byName,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(wing))
        {
            throw new DomainException("Indiquez le bâtiment ou l'aile de la boîte aux lettres.");
        }
        if (collectedAt > now.AddMinutes(5))
        {
            throw new DomainException("L'heure de relève ne peut pas être dans le futur.");
        }
        if (collectedAt < now.AddDays(-7))
        {
            throw new DomainException("L'heure de relève date de plus d'une semaine : vérifiez la date.");
        }
        Id = Guid.NewGuid();
        UnitId = unitId;
        Wing = wing.Trim();
        Box = box?.Trim() ?? "";
        CollectedAt = collectedAt;
        OpenedById = by;
        OpenedByName = byName;
        OpenedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public string Wing { get; private set; }
    public string Box { get; private set; }
    public DateTimeOffset CollectedAt { get; private set; }
    public Guid OpenedById { get; private set; }
    public string OpenedByName { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public void Close(DateTimeOffset now)
    {
        if (ClosedAt is not null)
        {
            throw new DomainException("Cette tournée est déjà close.");
        }
        ClosedAt = now;
    }
}

public static class Labels
{
    public static string Of(RequestTeam team) => team switch
    {
        RequestTeam.Somatic => "Somatique",
        RequestTeam.Psychiatric => "Psychiatrie",
        RequestTeam.Dental => "Dentaire",
        _ => "Autre",
    };

    public static string Of(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => "Urgent",
        Urgency.ThisWeek => "À voir dans la semaine",
        _ => "Non urgent",
    };

    public static string Of(CareRequestStatus status) => status switch
    {
        CareRequestStatus.New => "Nouvelle",
        CareRequestStatus.Triaged => "Triée",
        CareRequestStatus.AppointmentSet => "Rendez-vous fixé",
        CareRequestStatus.SeenInConsultation => "Vue en consultation",
        _ => "Close",
    };

    public static string Of(CloseReason reason) => reason switch
    {
        CloseReason.Resolved => "réglée",
        CloseReason.Duplicate => "doublon",
        CloseReason.PatientRefused => "refus du patient",
        _ => "patient libéré ou transféré",
    };

    /// <summary>« 3 j 4 h », « 5 h », « 12 min »: how long a request has waited.</summary>
    public static string Age(TimeSpan age) => age.TotalHours switch
    {
        < 1 => $"{Math.Max(0, (int)age.TotalMinutes)} min",
        < 24 => $"{(int)age.TotalHours} h",
        _ => $"{(int)age.TotalDays} j {age.Hours} h",
    };
}

/// <summary>A photo or scan of the slip (JPEG, PNG or PDF), stored in the database, read by the care team only.</summary>
public sealed class CareRequestScan
{
    public const int MaxBytes = 5 * 1024 * 1024;

    private CareRequestScan()
    {
        ContentType = FileName = "";
        Content = [];
    }

    public CareRequestScan(Guid requestId, string fileName, byte[] content, Guid by, DateTimeOffset now)
    {
        if (content.Length == 0)
        {
            throw new DomainException("Le fichier est vide.");
        }
        if (content.Length > MaxBytes)
        {
            throw new DomainException("Le fichier dépasse 5 Mo : réduisez la résolution du scan.");
        }
        ContentType = Sniff(content) ?? throw new DomainException(
            "Seuls les fichiers JPEG, PNG ou PDF sont acceptés (le contenu du fichier a été vérifié, pas seulement son nom).");
        Id = Guid.NewGuid();
        RequestId = requestId;
        FileName = StoredName(fileName, ContentType);
        Content = content;
        UploadedById = by;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string ContentType { get; private set; }
    public string FileName { get; private set; }
    public byte[] Content { get; private set; }
    public Guid UploadedById { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>
    /// The name kept for the download: the client's base name, whatever system its path came from ('/' or '\'),
    /// without control or formatting characters (a right-to-left override can disguise an extension), and with the
    /// extension of the sniffed type, never the declared one.
    /// </summary>
    public static string StoredName(string clientName, string contentType)
    {
        var extension = contentType switch
        {
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            _ => ".pdf",
        };
        var baseName = clientName.Split('/', '\\')[^1];
        var clean = new string([.. baseName.Where(c => char.GetUnicodeCategory(c) is not (UnicodeCategory.Control
            or UnicodeCategory.Format or UnicodeCategory.Surrogate))]);
        var dot = clean.LastIndexOf('.');
        var stem = (dot > 0 ? clean[..dot] : clean).Trim(' ', '.');
        // The column holds 200 characters.
        stem = stem.Length == 0 ? "billet" : stem[..Math.Min(stem.Length, 200 - extension.Length)];
        return stem + extension;
    }

    /// <summary>The type is read from the file's first bytes: a declared content type is never trusted.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) => content switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        _ => null,
    };
}
