using UsmpCare.Domain;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Records;
using UsmpCare.Web.Clinical;
using UsmpCare.Web.Followup;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Followup;

/// <summary>
/// The patient's problem list (issue #21, point 6): CIM-10 coded from the catalogue, active or resolved, distinct from a
/// consultation's diagnoses (which stay in their signed entry). P30: each problem lives in the record of the team that
/// wrote it; the other team reads it only where the patient agreed to sharing. Coding is a physician's act.
/// </summary>
[RequirePermission(Permission.ReadRecord)]
public sealed class ProblemsModel(AppDbContext db, PatientAccess access, Cim10Catalogue catalogue, TimeProvider clock)
    : FollowupPageModel(db, access, clock)
{
    private static readonly Permission[] Coding = [Permission.WriteConsultation];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public DateOnly? OnsetOn { get; set; }
    [BindProperty] public Guid ProblemId { get; set; }
    [BindProperty] public DateOnly? ResolvedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public IReadOnlyList<Cim10Code> Found { get; private set; } = [];
    public bool CanCode => WritingTeam is not null && User.Can(Permission.WriteConsultation);

    protected override async Task LoadAsync()
    {
        Problems = await FollowupLists.Readable(Db.Problems, Opened).Where(Problem.Listed)
            .OrderBy(p => p.Status).ThenByDescending(p => p.RecordedAt).ToListAsync();
        Found = await catalogue.SearchAsync(Q, 20);
    }

    [OpensPatient(PatientNeed.WriteRecord)]
    public Task<IActionResult> OnPostAddAsync(Guid patientId) => WriteAsync(patientId, Coding, async (team, by) =>
    {
        var code = await catalogue.FindAsync(Code)
            ?? throw new DomainException($"« {Code?.Trim()} » n'est pas un code CIM-10 connu : cherchez-le par son libellé.");
        Db.Problems.Add(new Problem(patientId, Banner.Patient.UnitId, team, code, OnsetOn, null, by.Id, by.Name,
            Clock.GetUtcNow(), Today));
        return $"Problème « {code.Code} {code.Label} » ajouté à la liste.";
    });

    [OpensPatient(PatientNeed.WriteRecord)]
    public Task<IActionResult> OnPostResolveAsync(Guid patientId) => WriteAsync(patientId, Coding, async (team, _) =>
    {
        var problem = await OwnAsync(patientId, team);
        problem.Resolve(ResolvedOn ?? Today, Today);
        return $"Problème « {problem.Label} » résolu.";
    });

    [OpensPatient(PatientNeed.WriteRecord)]
    public Task<IActionResult> OnPostErroneousAsync(Guid patientId) => WriteAsync(patientId, Coding, async (team, by) =>
    {
        var problem = await OwnAsync(patientId, team);
        problem.MarkErroneous(Reason, by.Name, Clock.GetUtcNow());
        return $"Problème « {problem.Label} » marqué erroné : il reste dans l'historique.";
    });

    /// <summary>P30: a problem is changed only within the record of the team that wrote it.</summary>
    private async Task<Problem> OwnAsync(Guid patientId, Team team) =>
        await Db.Problems.FirstOrDefaultAsync(p => p.Id == ProblemId && p.PatientId == patientId && p.Team == team)
        ?? throw new DomainException("Ce problème n'est pas dans le dossier de votre équipe.");
}
