using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Common;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Bookings;

/// <summary>A revision pulled from the channel manager and what became of it.</summary>
public sealed record RevisionResult(string RevisionId, RevisionOutcome? Outcome, bool Acknowledged, string? Error);

/// <summary>
/// Brings OTA bookings in for the current hotel: pulls revisions from the channel manager, applies each in
/// one save, and acknowledges it only once that save has committed. A failed save is not acknowledged, so the
/// channel manager offers the revision again; a failed acknowledgement is retried on the next poll, where the
/// revision is recognised as applied and only acknowledged.
/// </summary>
public sealed class ChannelBookingService(HotelSessions sessions, IChannelManager channels, ICurrentStaff currentStaff, ILogger<ChannelBookingService> logger)
{
    /// <summary>Applies every revision waiting in the channel manager's feed, oldest first.</summary>
    public async Task<IReadOnlyList<RevisionResult>> PollAsync(CancellationToken cancellationToken)
    {
        var hotelId = (await currentStaff.GetAsync(cancellationToken)).HotelId;
        var feed = await channels.GetRevisionFeedAsync(hotelId, cancellationToken);
        var results = new List<RevisionResult>();
        foreach (var revision in feed.OrderBy(r => r.InsertedAt))
        {
            results.Add(await TakeAsync(hotelId, revision, cancellationToken));
        }

        return results;
    }

    /// <summary>A webhook named a revision: read it over the API (the webhook itself is only a trigger), apply, acknowledge.</summary>
    public async Task<IReadOnlyList<RevisionResult>> PullAsync(string? revisionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(revisionId))
        {
            return await PollAsync(cancellationToken);
        }

        var hotelId = (await currentStaff.GetAsync(cancellationToken)).HotelId;
        var revision = await channels.GetRevisionAsync(hotelId, revisionId, cancellationToken);
        return [await TakeAsync(hotelId, revision, cancellationToken)];
    }

    /// <summary>Applies one revision and, once saved, acknowledges it. Throws when the save fails (nothing is acknowledged).</summary>
    public async Task<RevisionOutcome> ApplyAsync(BookingRevision revision, CancellationToken cancellationToken)
    {
        var hotelId = (await currentStaff.GetAsync(cancellationToken)).HotelId;
        var outcome = await SaveAsync(revision, cancellationToken);
        await AcknowledgeAsync(hotelId, revision.Id, cancellationToken);
        return outcome;
    }

    private async Task<RevisionResult> TakeAsync(Guid hotelId, BookingRevision revision, CancellationToken cancellationToken)
    {
        RevisionOutcome outcome;
        try
        {
            outcome = await SaveAsync(revision, cancellationToken);
        }
        catch (Exception ex) when (ex is DomainException or DbUpdateException or ArgumentException)
        {
            // Not saved, so not acknowledged: the channel manager keeps offering it and warns the property.
            logger.LogWarning(ex, "Booking revision {RevisionId} of hotel {HotelId} could not be applied", revision.Id, hotelId);
            return new RevisionResult(revision.Id, null, false, ex.Message);
        }

        var acknowledged = await AcknowledgeAsync(hotelId, revision.Id, cancellationToken);
        return new RevisionResult(revision.Id, outcome, acknowledged, null);
    }

    private async Task<RevisionOutcome> SaveAsync(BookingRevision revision, CancellationToken cancellationToken)
    {
        try
        {
            return await sessions.WriteAsync(s => ChannelBookingImport.ApplyAsync(s, revision, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await IsLoggedAsync(revision.Id, cancellationToken))
            {
                // The webhook and the feed brought the same revision at the same moment; the other one saved it.
                return RevisionOutcome.AlreadyApplied;
            }

            throw;
        }
    }

    private Task<bool> IsLoggedAsync(string revisionId, CancellationToken cancellationToken) =>
        sessions.ReadAsync(s => s.Db.AppliedChannelRevisions.AnyAsync(r => r.RevisionId == revisionId, cancellationToken), cancellationToken);

    private async Task<bool> AcknowledgeAsync(Guid hotelId, string revisionId, CancellationToken cancellationToken)
    {
        try
        {
            await channels.AcknowledgeRevisionAsync(hotelId, revisionId, cancellationToken);
        }
        catch (ChannelManagerException ex)
        {
            // Saved already; the revision stays in the feed and the next poll acknowledges it.
            logger.LogWarning(ex, "Acknowledging booking revision {RevisionId} of hotel {HotelId} failed; retried on the next poll", revisionId, hotelId);
            return false;
        }

        await sessions.WriteAsync(
            async s =>
            {
                var logged = await s.Db.AppliedChannelRevisions.SingleOrDefaultAsync(r => r.RevisionId == revisionId, cancellationToken);
                logged?.Acknowledged(s.Now);
            },
            cancellationToken);
        return true;
    }
}

public sealed record ChannelBookingReservation(Guid ReservationId, string ConfirmationCode);

public sealed record ChannelBookingAlert(
    Guid Id,
    string UniqueId,
    string OtaName,
    string GuestName,
    DateOnly Arrival,
    DateOnly Departure,
    ChannelBookingAttention Attention,
    string Reason,
    IReadOnlyList<ChannelBookingReservation> Reservations);
