using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Followup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "followup");

            migrationBuilder.CreateTable(
                name: "problems",
                schema: "followup",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    onset_on = table.Column<DateOnly>(type: "date", nullable: true),
                    resolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    erroneous_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    erroneous_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    erroneous_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_problems", x => x.id);
                    table.ForeignKey(
                        name: "fk_problems_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recalls",
                schema: "followup",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    vaccine = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recalls", x => x.id);
                    table.ForeignKey(
                        name: "fk_recalls_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "test_orders",
                schema: "followup",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    exam = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    other_label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ordered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ordered_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordered_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ordered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_test_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_test_orders_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vaccinations",
                schema: "followup",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    vaccine = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dose_number = table.Column<int>(type: "integer", nullable: false),
                    lot = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    given_on = table.Column<DateOnly>(type: "date", nullable: false),
                    site = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    given_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    given_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vaccinations", x => x.id);
                    table.ForeignKey(
                        name: "fk_vaccinations_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "test_results",
                schema: "followup",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true),
                    unit = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    reference_range = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    qualitative = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    result_on = table.Column<DateOnly>(type: "date", nullable: false),
                    entered_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entered_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_test_results", x => x.order_id);
                    table.ForeignKey(
                        name: "fk_test_results_test_orders_order_id",
                        column: x => x.order_id,
                        principalSchema: "followup",
                        principalTable: "test_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "result_acknowledgements",
                schema: "followup",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_result_acknowledgements", x => x.order_id);
                    table.ForeignKey(
                        name: "fk_result_acknowledgements_test_results_order_id",
                        column: x => x.order_id,
                        principalSchema: "followup",
                        principalTable: "test_results",
                        principalColumn: "order_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_problems_patient_id",
                schema: "followup",
                table: "problems",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_recalls_patient_id",
                schema: "followup",
                table: "recalls",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_recalls_unit_id_state_due_on",
                schema: "followup",
                table: "recalls",
                columns: new[] { "unit_id", "state", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_test_orders_patient_id",
                schema: "followup",
                table: "test_orders",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_test_orders_unit_id_ordered_on",
                schema: "followup",
                table: "test_orders",
                columns: new[] { "unit_id", "ordered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_vaccinations_patient_id",
                schema: "followup",
                table: "vaccinations",
                column: "patient_id");
            // P17: nothing medical is deleted. Doses, orders, results and acknowledgements are records: append-only
            // (core.append_only); problems and recalls change state (resolved, erroneous, booked, cancelled) but are
            // never deleted (core.forbid_delete). Raw SQL the lead folds into Sql/40-append-only.sql and 20-never-deleted.sql.
            foreach (var table in new[] { "vaccinations", "test_orders", "test_results", "result_acknowledgements" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON followup.{table} FOR EACH ROW EXECUTE FUNCTION core.append_only();");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON followup.{table} FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();");
            }
            foreach (var table in new[] { "problems", "recalls" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_never_deleted BEFORE DELETE ON followup.{table} FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON followup.{table} FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "problems",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "recalls",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "result_acknowledgements",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "vaccinations",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "test_results",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "test_orders",
                schema: "followup");
        }
    }
}
