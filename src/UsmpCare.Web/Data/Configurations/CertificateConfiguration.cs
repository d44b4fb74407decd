using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Data.Configurations;

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> b)
    {
        b.ToTable("issued_documents", "documents");
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.Number).IsUnique();
        b.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IssuedDocument>().WithMany().HasForeignKey(d => d.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Number).HasMaxLength(40);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.Recipient).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.RecipientName).HasMaxLength(200);
        b.Property(d => d.AuthorName).HasMaxLength(200);
        b.Property(d => d.AuthorRpps).HasMaxLength(11);
        b.HasIndex(d => new { d.PatientId, d.IssuedAt });
        b.HasIndex(d => new { d.UnitId, d.IssuedAt });
    }
}

internal sealed class AdministrationRequestConfiguration : IEntityTypeConfiguration<AdministrationRequest>
{
    public void Configure(EntityTypeBuilder<AdministrationRequest> b)
    {
        b.ToTable("administration_requests", "documents");
        b.HasKey(r => r.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.What).HasMaxLength(1000);
        b.Property(r => r.LegalBasis).HasMaxLength(300);
        b.Property(r => r.RequestedByName).HasMaxLength(200);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Reply).HasMaxLength(2000);
        b.Property(r => r.RefusalGround).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.RepliedByName).HasMaxLength(200);
        b.Property(r => r.Version).IsRowVersion();
        b.HasIndex(r => new { r.UnitId, r.Status });
    }
}

internal sealed class RequisitionConfiguration : IEntityTypeConfiguration<Requisition>
{
    public void Configure(EntityTypeBuilder<Requisition> b)
    {
        b.ToTable("requisitions", "documents");
        b.HasKey(r => r.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Authority).HasMaxLength(300);
        b.Property(r => r.WhatAsked).HasMaxLength(2000);
        b.Property(r => r.PhysicianName).HasMaxLength(200);
        b.Property(r => r.RecordedByName).HasMaxLength(200);
        b.HasIndex(r => new { r.UnitId, r.RecordedAt });
    }
}
