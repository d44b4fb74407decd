using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Accounts;

namespace UsmpCare.Web.Data.Configurations;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> b)
    {
        b.ToTable("rooms", "agenda");
        b.HasKey(r => r.Id);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Name).HasMaxLength(120);
        b.HasIndex(r => new { r.UnitId, r.Name }).IsUnique();
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("appointments", "agenda");
        b.HasKey(a => a.Id);
        b.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Room>().WithMany().HasForeignKey(a => a.RoomId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CareRequest>().WithMany().HasForeignKey(a => a.CareRequestId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Team).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.From).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.OutcomeReason).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.OutcomeNote).HasMaxLength(500);
        b.HasMany(a => a.OutcomeTrail).WithOne().HasForeignKey(o => o.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(a => a.OutcomeTrail).AutoInclude(false);
        b.Property(a => a.Reason).HasMaxLength(500);
        b.Property(a => a.PractitionerName).HasMaxLength(200);
        b.Property(a => a.BookedByName).HasMaxLength(200);
        b.Property(a => a.Version).IsRowVersion();
        // The day's list and the week views read a unit's, a practitioner's or a room's slots by time: each is one
        // index range, so they stay flat as the agenda grows (docs/performance.md).
        b.HasIndex(a => new { a.UnitId, a.Start });
        b.HasIndex(a => new { a.PractitionerId, a.Start });
        b.HasIndex(a => new { a.RoomId, a.Start });
        b.HasIndex(a => a.PatientId);
        b.Ignore(a => a.End);
        b.Ignore(a => a.ConsultationType);
    }
}

internal sealed class AppointmentOutcomeRecordConfiguration : IEntityTypeConfiguration<AppointmentOutcomeRecord>
{
    public void Configure(EntityTypeBuilder<AppointmentOutcomeRecord> b)
    {
        b.ToTable("appointment_outcomes", "agenda");
        b.HasKey(o => o.Id);
        // Appended through Appointment.OutcomeTrail with their id already set: always inserted, never updated.
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.Reason).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.Note).HasMaxLength(500);
        b.Property(o => o.Correction).HasMaxLength(500);
        b.Property(o => o.ByName).HasMaxLength(200);
        b.HasIndex(o => o.AppointmentId);
    }
}
