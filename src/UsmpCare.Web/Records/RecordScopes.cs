using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Records;

/// <summary>The one place that says whether the two teams of a patient share their records (P30).</summary>
public static class RecordScopes
{
    /// <summary>Every team's scope with one read of the consent: the pages that walk both records ask for both.</summary>
    public static async Task<IReadOnlyList<RecordScope>> AllAsync(AppDbContext db, Patient patient) =>
        Of(patient, await ConsentsAsync(db, patient.Id));

    /// <summary>
    /// Every team's scope from consents already read. P30: the teams read each other's record only while the patient's
    /// latest word on it is « accord » — <see cref="ConsentState.TeamsShare"/>, the one rule.
    /// </summary>
    public static IReadOnlyList<RecordScope> Of(Patient patient, ConsentState consents) =>
        [.. Teams.Select(team => new RecordScope(patient.UnitId, team, consents.TeamsShare))];

    /// <summary>The patients among these whose latest word on sharing between the teams is « accord » (one query for a list).</summary>
    public static async Task<IReadOnlySet<Guid>> SharingAgreedAmongAsync(AppDbContext db, IReadOnlyCollection<Guid> patientIds) =>
        await LatestWordAmongAsync(db, ConsentTopic.TeamSharing, ConsentDecision.Agreed, patientIds);

    /// <summary>
    /// The patients among these whose latest word on a topic is this decision, in one query for a whole list. A
    /// patient's word is the last one he gave (P02, P03, P30): <see cref="ConsentState"/> reads the same rule for one patient.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> LatestWordAmongAsync(AppDbContext db, ConsentTopic topic, ConsentDecision decision,
        IReadOnlyCollection<Guid> patientIds) =>
        (await db.ConsentEntries.AsNoTracking()
            .Where(e => patientIds.Contains(e.PatientId) && e.Topic == topic)
            .GroupBy(e => e.PatientId)
            .Select(g => new { PatientId = g.Key, Decision = g.OrderByDescending(e => e.RecordedAt).Select(e => e.Decision).First() })
            .ToListAsync())
        .Where(x => x.Decision == decision).Select(x => x.PatientId).ToHashSet();

    /// <summary>
    /// P30, P02: a ledger line carries what its author's team wrote (a certificate, a pack, a share), so it is read by
    /// those who may read that team's record; an author with no team (the secretariat handing over a copy) wrote
    /// nothing medical.
    /// </summary>
    public static IQueryable<Disclosure> LedgerReadableBy(AppDbContext db, IQueryable<Disclosure> ledger, IReadOnlyCollection<Team> readableTeams) =>
        ledger.Where(d => !db.Users.Any(u => u.Id == d.AuthorId && u.Team != null && !readableTeams.Contains(u.Team.Value)));

    public static IEnumerable<Team> Teams => Enum.GetValues<Team>();

    /// <summary>
    /// P30: may this user read what the author wrote about this patient? Yes within the author's team, or where the
    /// patient agreed to sharing; authors with no team (secretariat) write nothing medical.
    /// </summary>
    public static async Task<bool> CanReadWorkOfAsync(AppDbContext db, System.Security.Claims.ClaimsPrincipal user,
        Guid patientId, Guid authorId)
    {
        var authorTeam = await db.Users.AsNoTracking().Where(u => u.Id == authorId).Select(u => u.Team).SingleOrDefaultAsync();
        if (authorTeam is null || authorTeam == user.TeamOf())
        {
            return true;
        }
        return (await ConsentsAsync(db, patientId)).TeamsShare;
    }

    /// <summary>The records the opened patient's reader may read (P30), with their entries: what a pack may summarise.</summary>
    public static async Task<(IReadOnlyList<Team> Teams, IReadOnlyList<UsmpCare.Domain.Records.ClinicalEntry> Entries)> ReadableAsync(
        AppDbContext db, Patients.OpenedPatient opened)
    {
        var entries = new List<UsmpCare.Domain.Records.ClinicalEntry>();
        foreach (var team in opened.ReadableTeams)
        {
            entries.AddRange(await db.Entries(team).AsNoTracking().Where(e => e.PatientId == opened.Patient.Id).ToListAsync());
        }
        return (opened.ReadableTeams, entries);
    }

    public static async Task<ConsentState> ConsentsAsync(AppDbContext db, Guid patientId) =>
        new(await db.ConsentEntries.AsNoTracking().Where(e => e.PatientId == patientId).ToListAsync());
}
