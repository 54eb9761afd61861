using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Live;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.CheckIn;

/// <summary>The desk's side of online check-in: see each reservation's progress and finish what the guest skipped.</summary>
public sealed partial class GuestCheckInService
{
    public Task<PreCheckInStatus> PreCheckInStatusAsync(Guid reservationId, CancellationToken cancellationToken) =>
        sessions.ReadAsync(async s =>
        {
            var reservation = await ReservationService.FindAsync(s, reservationId, cancellationToken);
            var pre = await s.Db.PreCheckIns.SingleOrDefaultAsync(p => p.ReservationId == reservation.Id, cancellationToken);
            return PreCheckInStatus.Of(s.HotelId, reservation.Id, pre);
        }, cancellationToken);

    /// <summary>Of <paramref name="reservationIds"/>, those whose guest finished every step online (or at the desk).</summary>
    public Task<IReadOnlySet<Guid>> PreCheckedInAsync(IReadOnlyCollection<Guid> reservationIds, CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlySet<Guid>>(async s =>
        {
            var rows = await s.Db.PreCheckIns.Where(p => reservationIds.Contains(p.ReservationId)
                    && p.StayConfirmedAt != null && p.DetailsSavedAt != null && p.TermsAcceptedAt != null && p.PaymentCompletedAt != null)
                .Select(p => p.ReservationId).ToListAsync(cancellationToken);
            return rows.ToHashSet();
        }, cancellationToken);

    /// <summary>
    /// The front desk marks a step the guest skipped as done at the desk (details seen on the document,
    /// terms signed on paper, paid at the desk); the step records the staff member's name.
    /// </summary>
    public Task<PreCheckInStatus> StaffCompleteStepAsync(Guid reservationId, CheckInStep step, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.FrontDesk, "complete check-in steps for a guest");
            var reservation = await ReservationService.FindAsync(s, reservationId, cancellationToken);
            if (reservation.Status is not (ReservationStatus.Confirmed or ReservationStatus.CheckedIn))
            {
                throw new Common.RuleViolationException("Check-in steps can only be completed for a stay that is booked or in house.");
            }

            var pre = await PreCheckInOfAsync(s, reservation.Id, cancellationToken);
            if (pre.IsDone(step))
            {
                return PreCheckInStatus.Of(s.HotelId, reservation.Id, pre);
            }

            var by = s.Staff.UserName + " (desk)";
            switch (step)
            {
                case CheckInStep.ConfirmStay:
                    pre.ConfirmStay(by, s.Now);
                    break;
                case CheckInStep.Details:
                    pre.MarkDetailsAtDesk(by, s.Now);
                    break;
                case CheckInStep.Terms:
                    pre.AcceptTerms(CheckInPolicy.For(s.Hotel).Version, null, null, null, by, s.Now);
                    break;
                default:
                    pre.CompletePayment(by, s.Now);
                    break;
            }

            s.Audit(nameof(PreCheckIn), reservation.Id, "StepCompletedAtDesk", new { Step = step.ToString() });
            s.Announce(ChangeTopic.Reservations, reservation.Id, $"Check-in step {step} completed at the desk");
            return PreCheckInStatus.Of(s.HotelId, reservation.Id, pre);
        }, cancellationToken);
}
