using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccessMandateAndExtractionCover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "mandate_recorded",
                schema: "continuity",
                table: "record_access_requests");

            migrationBuilder.AddColumn<string>(
                name: "legal_basis",
                schema: "continuity",
                table: "record_access_requests",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "patient_document",
                schema: "continuity",
                table: "record_access_requests",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "patient_document_at",
                schema: "continuity",
                table: "record_access_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "patient_document_by_name",
                schema: "continuity",
                table: "record_access_requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "patient_document_type",
                schema: "continuity",
                table: "record_access_requests",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "cover_document_id",
                schema: "continuity",
                table: "external_appointments",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "legal_basis",
                schema: "continuity",
                table: "record_access_requests");

            migrationBuilder.DropColumn(
                name: "patient_document",
                schema: "continuity",
                table: "record_access_requests");

            migrationBuilder.DropColumn(
                name: "patient_document_at",
                schema: "continuity",
                table: "record_access_requests");

            migrationBuilder.DropColumn(
                name: "patient_document_by_name",
                schema: "continuity",
                table: "record_access_requests");

            migrationBuilder.DropColumn(
                name: "patient_document_type",
                schema: "continuity",
                table: "record_access_requests");

            migrationBuilder.DropColumn(
                name: "cover_document_id",
                schema: "continuity",
                table: "external_appointments");

            migrationBuilder.AddColumn<bool>(
                name: "mandate_recorded",
                schema: "continuity",
                table: "record_access_requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
