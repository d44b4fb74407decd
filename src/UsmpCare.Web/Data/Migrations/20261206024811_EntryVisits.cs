using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EntryVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "entry_visit_target_hours",
                schema: "core",
                table: "units",
                type: "integer",
                nullable: false,
                defaultValue: 48);

            migrationBuilder.CreateTable(
                name: "entry_visits",
                schema: "somatic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    arrival_date = table.Column<DateOnly>(type: "date", nullable: false),
                    information_sheet_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entry_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_entry_visits_information_sheets_information_sheet_id",
                        column: x => x.information_sheet_id,
                        principalSchema: "consent",
                        principalTable: "information_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_entry_visits_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_entry_visits_somatic_entries_entry_id",
                        column: x => x.entry_id,
                        principalSchema: "somatic",
                        principalTable: "entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_entry_visits_entry_id",
                schema: "somatic",
                table: "entry_visits",
                column: "entry_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_entry_visits_information_sheet_id",
                schema: "somatic",
                table: "entry_visits",
                column: "information_sheet_id");

            migrationBuilder.CreateIndex(
                name: "ix_entry_visits_patient_id_arrival_date",
                schema: "somatic",
                table: "entry_visits",
                columns: new[] { "patient_id", "arrival_date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_entry_visits_unit_id_signed_at",
                schema: "somatic",
                table: "entry_visits",
                columns: new[] { "unit_id", "signed_at" });

            // P17: a signed entry visit never changes; like the tables of Sql/40-append-only.sql (to be folded into it
            // when this migration joins the Baseline), and somatic.entry_visits is in DatabaseRoles.AppendOnly.
            migrationBuilder.Sql("""
                CREATE TRIGGER entry_visits_append_only BEFORE UPDATE OR DELETE ON somatic.entry_visits
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER entry_visits_no_truncate BEFORE TRUNCATE ON somatic.entry_visits
                    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entry_visits",
                schema: "somatic");

            migrationBuilder.DropColumn(
                name: "entry_visit_target_hours",
                schema: "core",
                table: "units");
        }
    }
}
