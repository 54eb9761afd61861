using Microsoft.AspNetCore.Http.HttpResults;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Kpis;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Web.Auth;

namespace Stayfull.Web.Api;

/// <summary>
/// The JSON API over the same domain services the pages use. Ids of another hotel are 404,
/// refusals are problem details (400/403/404/409/422).
/// </summary>
public static class StayfullApi
{
    public static IEndpointRouteBuilder MapStayfullApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(StaffPolicies.Housekeeping).DisableAntiforgery().WithBodyLimit(RequestBodyLimit.ApiMaxBytes);

        api.MapGet("/today", (ReservationService s, CancellationToken ct) => s.TodayAsync(ct)).RequireAuthorization(StaffPolicies.FrontDesk);
        api.MapGet("/availability", (DateOnly from, DateOnly to, AvailabilityService s, CancellationToken ct) => s.GetAsync(from, to, ct));
        api.MapGet("/quote", (Guid roomTypeId, DateOnly arrival, DateOnly departure, Guid? ratePlanId, BookingService s, CancellationToken ct) =>
            s.QuoteAsync(roomTypeId, ratePlanId, arrival, departure, ct)).RequireAuthorization(StaffPolicies.FrontDesk);

        var reservations = api.MapGroup("/reservations").RequireAuthorization(StaffPolicies.FrontDesk);
        reservations.MapPost("/", CreateReservationAsync);
        reservations.MapGet("/{id:guid}", (Guid id, ReservationService s, CancellationToken ct) => s.GetAsync(id, ct));
        reservations.MapPost("/{id:guid}/assign-room", Ok<AssignRoomRequest>((id, body, s, ct) => s.AssignRoomAsync(id, body.RoomId, ct)));
        reservations.MapPost("/{id:guid}/check-in", async Task<NoContent> (Guid id, ReservationService s, CancellationToken ct) => { await s.CheckInAsync(id, ct); return TypedResults.NoContent(); });
        reservations.MapPost("/{id:guid}/check-out", Ok<CheckOutRequest>((id, body, s, ct) => s.CheckOutAsync(id, body.ManagerOverride, ct)));
        reservations.MapPost("/{id:guid}/cancel", Ok<CancelRequest>((id, body, s, ct) => s.CancelAsync(id, body.Reason, ct)));
        reservations.MapPost("/{id:guid}/no-show", async Task<NoContent> (Guid id, ReservationService s, CancellationToken ct) => { await s.MarkNoShowAsync(id, ct); return TypedResults.NoContent(); });
        reservations.MapPost("/{id:guid}/move", Ok<MoveRoomRequest>((id, body, s, ct) => s.MoveRoomAsync(id, body.RoomId, body.Reason ?? "", ct)));
        reservations.MapGet("/{id:guid}/folio", (Guid id, FolioService s, CancellationToken ct) => s.GetAsync(id, ct));
        reservations.MapPost("/{id:guid}/folio/charges", (Guid id, FolioPostRequest body, FolioService s, CancellationToken ct) => s.AddChargeAsync(id, body.Description, body.AmountMinor, ct));
        reservations.MapPost("/{id:guid}/folio/payments", (Guid id, FolioPostRequest body, FolioService s, CancellationToken ct) => s.RecordPaymentAsync(id, body.Description, body.AmountMinor, ct));
        reservations.MapPost("/{id:guid}/folio/refunds", (Guid id, FolioPostRequest body, FolioService s, CancellationToken ct) => s.RefundAsync(id, body.Description, body.AmountMinor, ct)).RequireAuthorization(StaffPolicies.Manager);

        api.MapGet("/rooms", (RoomService s, CancellationToken ct) => s.ListAsync(ct));
        api.MapPut("/rooms/{id:guid}/housekeeping", async Task<NoContent> (Guid id, HousekeepingRequest body, RoomService s, CancellationToken ct) =>
        {
            await s.SetHousekeepingAsync(id, body.Status, ct);
            return TypedResults.NoContent();
        });

        api.MapPut("/rates", (RateUpdate body, RateService s, CancellationToken ct) => s.UpdateAsync(body, ct)).RequireAuthorization(StaffPolicies.Manager);
        api.MapGet("/kpis", (DateOnly from, DateOnly to, KpiService s, CancellationToken ct) => s.ComputeAsync(from, to, ct)).RequireAuthorization(StaffPolicies.Manager);
        return app;
    }

    private static async Task<Created<ReservationSummaryLink>> CreateReservationAsync(BookingRequest request, BookingService booking, CancellationToken ct)
    {
        var reservation = await booking.BookAsync(request, ct);
        return TypedResults.Created($"/api/reservations/{reservation.Id}", new ReservationSummaryLink(reservation.Id, reservation.ConfirmationCode));
    }

    /// <summary>A reservation action with a JSON body, answered with 204 once done.</summary>
    /// <remarks>
    /// The binder cannot see that a generic body is required, so an empty body arrives as null: it is refused
    /// here as the binder refuses a missing body elsewhere (400), never dereferenced.
    /// </remarks>
    private static Func<Guid, TBody, ReservationService, CancellationToken, Task<NoContent>> Ok<TBody>(Func<Guid, TBody, ReservationService, CancellationToken, Task> action) =>
        async (id, body, service, ct) =>
        {
            if (body is null)
            {
                throw new BadHttpRequestException("The request needs a JSON body.", StatusCodes.Status400BadRequest);
            }

            await action(id, body, service, ct);
            return TypedResults.NoContent();
        };
}

public sealed record ReservationSummaryLink(Guid Id, string ConfirmationCode);
