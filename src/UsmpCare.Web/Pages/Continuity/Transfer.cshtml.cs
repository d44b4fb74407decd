using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Documents;
using UsmpCare.Web.Records;
using UsmpCare.Web.Patients;
using UsmpCare.Web.Treatments;

namespace UsmpCare.Web.Pages.Continuity;

/// <summary>
/// P13, P21: transfer of a patient. To a unit of the deployment, the patient appears in its roster and it receives the
/// pack, which it acknowledges; the record itself stays with the sending unit. Outside, the pack is printed with its
/// cover sheet. Both are disclosures.
/// </summary>
[RequirePermission(Permission.CoordinateReleases)]
[OpensPatient(PatientNeed.ViewChart)]
public sealed class TransferModel(AppDbContext db, PatientAccess access, TimeProvider clock,
    RecentAuthentication reauth, DocumentIssuing issuing) : PatientPageModel(db, access, clock)
{
    public IReadOnlyList<Unit> OtherUnits { get; private set; } = [];

    [BindProperty] public Guid? ToUnitId { get; set; }
    [BindProperty] public string? OutsideDestination { get; set; }
    [BindProperty] public string? FollowUp { get; set; }

    /// <summary>P02: the exception that lets the pack go when the patient has not agreed to exchanges with health professionals.</summary>
    [BindProperty] public LegalException? Exception { get; set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var patient = Banner.Patient;
        var toUnit = OtherUnits.FirstOrDefault(u => u.Id == ToUnitId);
        var destination = toUnit?.Name ?? OutsideDestination?.Trim();
        if (string.IsNullOrWhiteSpace(destination))
        {
            ModelState.AddModelError("", "Choisissez l'unité de destination, ou indiquez l'établissement extérieur.");
            return Page();
        }
        if (!patient.IsPresent)
        {
            ModelState.AddModelError("", "Ce patient n'est plus présent dans l'établissement.");
            return Page();
        }
        // ASVS V3.7.1: the transfer pack leaves the unit with the record's summary.
        await reauth.ConfirmAsync();
        var by = await issuing.IssuerAsync(User, patient);
        var (readable, entries) = await RecordScopes.ReadableAsync(Db, Opened);
        // Issue #20: the receiving unit continues the treatment from the signed prescriptions (P13).
        var treatment = await ActiveTreatments.ForPatientAsync(Db, patient.Id, readable, by.Today);
        var pack = ReleasePackBuilder.Build(patient, by.Unit, by.Signer, entries, Banner.Records, readable, FollowUp, by.Today,
            "Dossier de transfert", treatment: treatment.Visible);

        Guid? receivingPatientId = null;
        if (toUnit is not null)
        {
            if (await Db.Patients.AnyAsync(p => p.UnitId == toUnit.Id && p.Ecrou == patient.Ecrou))
            {
                ModelState.AddModelError("", $"L'unité de destination a déjà un patient avec l'écrou {patient.Ecrou}.");
                return Page();
            }
            // The patient appears in the receiving unit's roster; the sending unit keeps his record (P17).
            var arriving = new Patient(toUnit.Id, patient.Ecrou, patient.LastName, patient.FirstName, patient.BirthDate,
                patient.Sex, by.Today);
            arriving.SetIdentity(patient.LastName, patient.FirstName, patient.BirthName, patient.BirthDate, patient.Sex);
            arriving.SetIns(patient.Ins, patient.InsStatus);
            arriving.SetStay(by.Today, patient.LegalStatus, patient.ExpectedReleaseDate);
            arriving.SetContact(patient.DesignatedPhysician, patient.SpokenLanguage, patient.ReadsFrench);
            arriving.TakeAllergiesOf(patient);
            Db.Patients.Add(arriving);
            receivingPatientId = arriving.Id;
        }
        var sending = await Db.Patients.SingleAsync(p => p.Id == patient.Id);
        sending.MoveTo(PatientStatus.Transferred);
        await issuing.IssueAsync(new DocumentRequest(by, patient, pack,
        [
            new(toUnit is null ? RecipientCategory.OutsideProfessional : RecipientCategory.OtherUnit, destination,
                _ => "Dossier de transfert sous pli confidentiel", "Continuité des soins lors d'un transfert (P13, P21)", null,
                Exception),
        ])
        {
            Cover = ReleasePackBuilder.Cover(patient, by.Unit, destination, by.Today),
            Keep = issued =>
            {
                var transfer = new TransferPack(patient.Id, patient.UnitId, toUnit?.Id, receivingPatientId, destination,
                    issued.Pdf, issued.Cover!, by.Actor.Id, by.Actor.Name, issued.At);
                Db.TransferPacks.Add(transfer);
                return transfer.Id;
            },
        });
        TempData["Message"] = $"Transfert vers {destination} enregistré ; le dossier de transfert et sa couverture sont prêts.";
        return RedirectToPage("/Continuity/Transfers");
    }

    protected override async Task OnOpenedAsync() =>
        OtherUnits = await Db.Units.AsNoTracking().Where(u => u.Id != Banner.Patient.UnitId).OrderBy(u => u.Name).ToListAsync();
}
