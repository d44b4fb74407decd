using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InformationSheets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hours",
                schema: "core",
                table: "units",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<List<string>>(
                name: "information_languages",
                schema: "core",
                table: "units",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.CreateTable(
                name: "information_sheets",
                schema: "consent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handed_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    handed_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_information_sheets", x => x.id);
                    table.ForeignKey(
                        name: "fk_information_sheets_issued_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "documents",
                        principalTable: "issued_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_information_sheets_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_information_sheets_document_id",
                schema: "consent",
                table: "information_sheets",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_information_sheets_patient_id_handed_on",
                schema: "consent",
                table: "information_sheets",
                columns: new[] { "patient_id", "handed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_information_sheets_unit_id_at",
                schema: "consent",
                table: "information_sheets",
                columns: new[] { "unit_id", "at" });

            // P09: a sheet handed is a fact of the patient's information: never changed nor removed, whoever connects
            // (core.append_only, Sql/40-append-only.sql; the app's role has no UPDATE/DELETE grant either,
            // DatabaseRoles.AppendOnly). To fold into Sql/40-append-only.sql when the baseline is squashed.
            migrationBuilder.Sql("""
                CREATE TRIGGER information_sheets_append_only BEFORE UPDATE OR DELETE ON consent.information_sheets
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER information_sheets_no_truncate BEFORE TRUNCATE ON consent.information_sheets
                    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "information_sheets",
                schema: "consent");

            migrationBuilder.DropColumn(
                name: "hours",
                schema: "core",
                table: "units");

            migrationBuilder.DropColumn(
                name: "information_languages",
                schema: "core",
                table: "units");
        }
    }
}
