using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Accounts;

namespace UsmpCare.Web.Data;

/// <summary>
/// The unit of work and the repository (no layer above it, see docs/decisions/0003). Schemas: <c>auth</c> for
/// accounts, <c>core</c> for units and identities, <c>somatic</c> and <c>psychiatric</c> for the two records (P30).
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<PrisonMovement> PrisonMovements => Set<PrisonMovement>();
    public DbSet<MedicalRecord> MedicalRecords => Set<MedicalRecord>();
    public DbSet<SomaticEntry> SomaticEntries => Set<SomaticEntry>();
    public DbSet<PsychiatricEntry> PsychiatricEntries => Set<PsychiatricEntry>();
    public DbSet<HungerStrike> HungerStrikes => Set<HungerStrike>();
    public DbSet<HungerStrikeEvent> HungerStrikeEvents => Set<HungerStrikeEvent>();
    public DbSet<CollectionRound> CollectionRounds => Set<CollectionRound>();
    public DbSet<CareRequest> CareRequests => Set<CareRequest>();
    public DbSet<CareRequestEvent> CareRequestEvents => Set<CareRequestEvent>();
    public DbSet<CareRequestScan> CareRequestScans => Set<CareRequestScan>();
    public DbSet<ConsentEntry> ConsentEntries => Set<ConsentEntry>();
    public DbSet<Disclosure> Disclosures => Set<Disclosure>();
    public DbSet<SpipShare> SpipShares => Set<SpipShare>();
    public DbSet<InformationSheet> InformationSheets => Set<InformationSheet>();
    public DbSet<RiskSignalement> RiskSignalements => Set<RiskSignalement>();
    public DbSet<AbuseSignalement> AbuseSignalements => Set<AbuseSignalement>();
    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();
    public DbSet<AdministrationRequest> AdministrationRequests => Set<AdministrationRequest>();
    public DbSet<Requisition> Requisitions => Set<Requisition>();
    public DbSet<ReleasePlan> ReleasePlans => Set<ReleasePlan>();
    public DbSet<RecordAccessRequest> RecordAccessRequests => Set<RecordAccessRequest>();
    public DbSet<ExternalAppointment> ExternalAppointments => Set<ExternalAppointment>();
    public DbSet<EscortPlace> EscortPlaces => Set<EscortPlace>();
    public DbSet<TransferPack> TransferPacks => Set<TransferPack>();
    public DbSet<Domain.Treatments.Drug> Drugs => Set<Domain.Treatments.Drug>();
    public DbSet<Domain.Treatments.Prescription> Prescriptions => Set<Domain.Treatments.Prescription>();
    public DbSet<Domain.Treatments.PrescriptionValidation> PrescriptionValidations => Set<Domain.Treatments.PrescriptionValidation>();
    public DbSet<Domain.Treatments.DistributionDefaults> DistributionDefaults => Set<Domain.Treatments.DistributionDefaults>();
    public DbSet<Domain.Treatments.Administration> Administrations => Set<Domain.Treatments.Administration>();
    public DbSet<Domain.Treatments.PillBox> PillBoxes => Set<Domain.Treatments.PillBox>();
    public DbSet<Domain.Treatments.TsoConfirmation> TsoConfirmations => Set<Domain.Treatments.TsoConfirmation>();
    public DbSet<Domain.Treatments.TsoRelay> TsoRelays => Set<Domain.Treatments.TsoRelay>();
    public DbSet<Auditing.AuditEvent> AuditEvents => Set<Auditing.AuditEvent>();
    public DbSet<Auditing.BreakGlassGrant> BreakGlassGrants => Set<Auditing.BreakGlassGrant>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Clinical.ImportedCim10Code> Cim10Codes => Set<Clinical.ImportedCim10Code>();
    public DbSet<Domain.Followup.Problem> Problems => Set<Domain.Followup.Problem>();
    public DbSet<Domain.Followup.Vaccination> Vaccinations => Set<Domain.Followup.Vaccination>();
    public DbSet<Domain.Followup.TestOrder> TestOrders => Set<Domain.Followup.TestOrder>();
    public DbSet<Domain.Followup.Recall> Recalls => Set<Domain.Followup.Recall>();
    public DbSet<Domain.Agenda.Appointment> Appointments => Set<Domain.Agenda.Appointment>();
    public DbSet<Domain.Agenda.Room> Rooms => Set<Domain.Agenda.Room>();
    public DbSet<Domain.Agenda.AppointmentOutcomeRecord> AppointmentOutcomes => Set<Domain.Agenda.AppointmentOutcomeRecord>();
    public DbSet<EntryVisit> EntryVisits => Set<EntryVisit>();

    /// <summary>The entries of one team's record (P30); callers have checked the team scope first.</summary>
    public IQueryable<ClinicalEntry> Entries(Team team) =>
        team == Team.Somatic ? SomaticEntries : PsychiatricEntries;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema("core");
        builder.HasPostgresExtension("unaccent");
        builder.HasPostgresExtension("pg_trgm");
        // Issued documents are numbered from one sequence: no two ever share a number, even under concurrent issue.
        builder.HasSequence<long>("document_number_seq", "documents");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        IdentityTables.Configure(builder);
    }
}
