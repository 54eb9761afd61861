using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Mapping;

/// <summary>
/// Connects a hotel to its channel-manager property and maps our room types and rate plans onto the
/// property's, one each way. Without credentials the hotel sees the simulated property's catalog, which maps
/// the same way, so distribution can be tried before a contract is signed.
/// </summary>
public sealed class ChannelMappingService(
    HotelSessions sessions,
    IChannelManager channels,
    IntegrationSettingsService integrations,
    ConnectionCredentialsStore credentials,
    ICurrentStaff currentStaff)
{
    /// <summary>The webhook route a property calls back on; <c>{hotelId}</c> tells whose property it is.</summary>
    public static Uri CallbackFor(Uri publicBaseUrl, Guid hotelId)
    {
        var root = publicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        return new Uri(new Uri(root), $"webhooks/channex/{hotelId}");
    }

    /// <summary>
    /// Saves the property's credentials (a webhook secret is made when none is given) and asks the channel manager
    /// to call us back. A refused webhook is reported, not fatal: the booking feed is polled anyway.
    /// </summary>
    public async Task<ChannelConnectResult> ConnectAsync(string apiKey, string propertyId, string? webhookSecret, Uri publicBaseUrl, CancellationToken cancellationToken)
    {
        var secret = string.IsNullOrWhiteSpace(webhookSecret) ? NewSecret() : webhookSecret.Trim();
        await integrations.ConnectAsync(
            IntegrationVendor.Channex,
            new Dictionary<string, string> { ["ApiKey"] = apiKey ?? "", ["PropertyId"] = propertyId ?? "", ["WebhookSecret"] = secret },
            cancellationToken);
        var hotelId = (await currentStaff.GetAsync(cancellationToken)).HotelId;
        var callback = CallbackFor(publicBaseUrl, hotelId);
        try
        {
            await channels.RegisterWebhookAsync(hotelId, callback, secret, cancellationToken);
            return new ChannelConnectResult(true, callback, null);
        }
        catch (ChannelManagerException ex)
        {
            return new ChannelConnectResult(false, callback, $"The channel manager did not take our webhook ({ex.Message}). Bookings still arrive every few minutes by polling.");
        }
    }

    public async Task<ChannelMappingOverview> OverviewAsync(CancellationToken cancellationToken)
    {
        var staff = await currentStaff.GetAsync(cancellationToken);
        staff.Require(StaffRole.Manager, "see the channel mapping");
        var (catalog, error) = await CatalogAsync(staff.HotelId, cancellationToken);
        var saved = await credentials.GetAsync(staff.HotelId, IntegrationVendor.Channex, cancellationToken);
        return await sessions.ReadAsync(async s =>
        {
            var connection = await s.Db.IntegrationConnections.FirstOrDefaultAsync(c => c.Vendor == IntegrationVendor.Channex, cancellationToken);
            var connected = connection is { IsLive: true } && saved is not null;
            var types = await s.Db.RoomTypes.OrderBy(t => t.Code).Select(t => new OurRoomType(t.Id, t.Code, t.Name)).ToListAsync(cancellationToken);
            var plans = await s.Db.RatePlans.OrderByDescending(p => p.IsDefault).ThenBy(p => p.Code).Select(p => new OurRatePlan(p.Id, p.Code, p.Name, p.IsDefault)).ToListAsync(cancellationToken);
            var roomMappings = await s.Db.ChannelRoomTypeMappings.ToDictionaryAsync(m => m.RoomTypeId, m => m.ChannelRoomTypeId, cancellationToken);
            var rateMappings = await s.Db.ChannelRatePlanMappings.ToListAsync(cancellationToken);
            var suggestedTypes = MappingSuggester.RoomTypes(types, catalog.RoomTypes);
            var rows = types.Select(t =>
            {
                var mapped = roomMappings.GetValueOrDefault(t.Id);
                var suggested = suggestedTypes.GetValueOrDefault(t.Id);
                var channelType = mapped ?? suggested;
                var suggestedPlans = channelType is null ? new Dictionary<Guid, string>() : MappingSuggester.RatePlans(plans, t.Code, channelType, catalog.RatePlans);
                var planRows = plans.Select(p =>
                {
                    var mappedPlan = rateMappings.FirstOrDefault(m => m.RoomTypeId == t.Id && m.RatePlanId == p.Id)?.ChannelRatePlanId;
                    var suggestedPlan = suggestedPlans.GetValueOrDefault(p.Id);
                    return new RatePlanMappingRow(p.Id, p.Code, p.Name, p.IsDefault, mappedPlan, suggestedPlan == mappedPlan ? null : suggestedPlan);
                }).ToList();
                return new RoomTypeMappingRow(t.Id, t.Code, t.Name, mapped, suggested == mapped ? null : suggested, planRows);
            }).ToList();
            return new ChannelMappingOverview(connected, connected ? saved!["PropertyId"] : null, connected ? connection!.CredentialHint : null, catalog, error, rows, plans);
        }, cancellationToken);
    }

    /// <summary>Saves the mapping table: one channel room type per room type of ours and one channel rate plan per (room type, rate plan), each way.</summary>
    public async Task SaveAsync(ChannelMappingPlan plan, CancellationToken cancellationToken)
    {
        var staff = await currentStaff.GetAsync(cancellationToken);
        staff.Require(StaffRole.Manager, "map channels");
        var (catalog, error) = await CatalogAsync(staff.HotelId, cancellationToken);
        if (error is not null && plan.RoomTypes.Any(r => r.ChannelRoomTypeId is not null))
        {
            throw new RuleViolationException(error);
        }

        await sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "map channels");
            var types = await s.Db.RoomTypes.ToDictionaryAsync(t => t.Id, cancellationToken);
            var planIds = await s.Db.RatePlans.Select(p => p.Id).ToListAsync(cancellationToken);
            var roomMappings = await s.Db.ChannelRoomTypeMappings.ToListAsync(cancellationToken);
            var rateMappings = await s.Db.ChannelRatePlanMappings.ToListAsync(cancellationToken);
            var chosen = plan.RoomTypes.Where(c => types.ContainsKey(c.RoomTypeId)).ToDictionary(c => c.RoomTypeId);
            if (chosen.Count != plan.RoomTypes.Count || plan.RoomTypes.SelectMany(r => r.RatePlans).Any(p => !planIds.Contains(p.RatePlanId)))
            {
                throw new NotFoundException("Room type or rate plan");
            }

            Validate(chosen, types, roomMappings, rateMappings, catalog);
            foreach (var choice in chosen.Values)
            {
                var current = roomMappings.FirstOrDefault(m => m.RoomTypeId == choice.RoomTypeId);
                if (current?.ChannelRoomTypeId != choice.ChannelRoomTypeId)
                {
                    if (current is not null)
                    {
                        s.Db.ChannelRoomTypeMappings.Remove(current);
                    }

                    if (choice.ChannelRoomTypeId is { } channelType)
                    {
                        s.Db.ChannelRoomTypeMappings.Add(new ChannelRoomTypeMapping(s.HotelId, choice.RoomTypeId, channelType, catalog.RoomTypes.Single(t => t.Id == channelType).Title));
                    }
                }

                foreach (var rate in choice.RatePlans)
                {
                    var wanted = choice.ChannelRoomTypeId is null ? null : rate.ChannelRatePlanId;
                    var currentRate = rateMappings.FirstOrDefault(m => m.RoomTypeId == choice.RoomTypeId && m.RatePlanId == rate.RatePlanId);
                    if (currentRate?.ChannelRatePlanId == wanted)
                    {
                        continue;
                    }

                    if (currentRate is not null)
                    {
                        s.Db.ChannelRatePlanMappings.Remove(currentRate);
                    }

                    if (wanted is not null)
                    {
                        s.Db.ChannelRatePlanMappings.Add(new ChannelRatePlanMapping(s.HotelId, choice.RoomTypeId, rate.RatePlanId, wanted, catalog.RatePlans.Single(p => p.Id == wanted).Title));
                    }
                }

                // A rate left out keeps its mapping only while it still belongs to the room type's channel room type.
                var listed = choice.RatePlans.Select(r => r.RatePlanId).ToHashSet();
                s.Db.ChannelRatePlanMappings.RemoveRange(rateMappings.Where(m =>
                    m.RoomTypeId == choice.RoomTypeId
                    && !listed.Contains(m.RatePlanId)
                    && catalog.RatePlans.FirstOrDefault(p => p.Id == m.ChannelRatePlanId)?.RoomTypeId is var owner
                    && (choice.ChannelRoomTypeId is null || owner != choice.ChannelRoomTypeId)));
            }

            s.Audit("ChannelMapping", s.HotelId, "Saved", new
            {
                RoomTypes = chosen.Values.Select(c => new { types[c.RoomTypeId].Code, c.ChannelRoomTypeId, RatePlans = c.RatePlans.Count(r => r.ChannelRatePlanId is not null) }),
            });
            s.Announce(ChangeTopic.Channels, null, "Channel mapping saved");
        }, cancellationToken);
    }

    /// <summary>Takes a room type off the channel manager, with its rate plans.</summary>
    public Task UnmapAsync(Guid roomTypeId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "map channels");
            var mapping = await s.Db.ChannelRoomTypeMappings.SingleOrDefaultAsync(m => m.RoomTypeId == roomTypeId, cancellationToken) ?? throw new NotFoundException("Channel mapping");
            s.Db.ChannelRoomTypeMappings.Remove(mapping);
            s.Db.ChannelRatePlanMappings.RemoveRange(await s.Db.ChannelRatePlanMappings.Where(m => m.RoomTypeId == roomTypeId).ToListAsync(cancellationToken));
            s.Audit("ChannelMapping", roomTypeId, "Unmapped", new { mapping.ChannelRoomTypeId });
            s.Announce(ChangeTopic.Channels, roomTypeId, "Room type taken off the channel manager");
        }, cancellationToken);

    private static void Validate(
        Dictionary<Guid, RoomTypeChoice> chosen,
        Dictionary<Guid, Rooms.RoomType> types,
        List<ChannelRoomTypeMapping> roomMappings,
        List<ChannelRatePlanMapping> rateMappings,
        ChannelCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        string Name(Guid id) => types[id].Name;

        // Room types this save leaves alone keep their channel room type (and rates); a choice may not take them.
        var typeOwners = roomMappings.Where(m => !chosen.ContainsKey(m.RoomTypeId)).ToDictionary(m => m.ChannelRoomTypeId, m => m.RoomTypeId, StringComparer.Ordinal);
        var rateOwners = rateMappings.Where(m => !chosen.ContainsKey(m.RoomTypeId)).ToDictionary(m => m.ChannelRatePlanId, m => m.RoomTypeId, StringComparer.Ordinal);
        foreach (var choice in chosen.Values)
        {
            var code = types[choice.RoomTypeId].Code;
            if (choice.ChannelRoomTypeId is not { } channelType)
            {
                continue;
            }

            var title = catalog.RoomTypes.FirstOrDefault(t => t.Id == channelType)?.Title;
            if (title is null)
            {
                errors[$"roomType.{code}"] = [$"The channel manager has no room type {channelType}."];
                continue;
            }

            if (!typeOwners.TryAdd(channelType, choice.RoomTypeId))
            {
                errors[$"roomType.{code}"] = [$"“{title}” is already mapped to {Name(typeOwners[channelType])}; a channel room type sells one room type of ours."];
            }

            foreach (var rate in choice.RatePlans.Where(r => r.ChannelRatePlanId is not null))
            {
                var channelRate = catalog.RatePlans.FirstOrDefault(p => p.Id == rate.ChannelRatePlanId);
                if (channelRate is null || channelRate.RoomTypeId != channelType)
                {
                    errors[$"ratePlan.{code}.{rate.RatePlanId}"] = [$"That channel rate plan does not belong to “{title}”."];
                }
                else if (!rateOwners.TryAdd(channelRate.Id, choice.RoomTypeId))
                {
                    errors[$"ratePlan.{code}.{rate.RatePlanId}"] = [$"“{channelRate.Title}” is already mapped; a channel rate plan sells one rate plan of ours."];
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    private async Task<(ChannelCatalog Catalog, string? Error)> CatalogAsync(Guid hotelId, CancellationToken cancellationToken)
    {
        try
        {
            return (await channels.GetCatalogAsync(hotelId, cancellationToken), null);
        }
        catch (ChannelManagerException ex)
        {
            return (new ChannelCatalog([], [], IsDemo: false), $"The channel manager's room types could not be read: {ex.Message}");
        }
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
