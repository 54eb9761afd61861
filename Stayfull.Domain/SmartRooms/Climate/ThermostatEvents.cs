using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms.Climate;

/// <summary>
/// Thermostat events: the room's temperature, the set point reached, a climate preset activated, and
/// someone setting the thermostat by hand. A hand adjustment made at the device (not through the hub)
/// ends the eco period it interrupts and, while a guest is in, stands until the stay ends. Each report
/// applies once: a replayed or older event changes nothing. Devices we do not know are logged and ignored.
/// </summary>
public sealed class ThermostatEvents(HotelSessions sessions, ILogger<ThermostatEvents> logger) : ISeamEventListener
{
    public bool Takes(string eventType) => eventType is
        "thermostat.manually_adjusted" or "thermostat.temperature_changed" or "thermostat.temperature_reached_set_point" or "thermostat.climate_preset_activated";

    public async Task HandleAsync(SeamEvent seamEvent, CancellationToken cancellationToken)
    {
        if (seamEvent.DeviceId is not { } deviceId)
        {
            logger.LogInformation("Seam {EventType} without a device id ignored", seamEvent.Type);
            return;
        }

        await sessions.WriteAsync(async s =>
        {
            var device = await s.Db.RoomDevices.FirstOrDefaultAsync(d => d.SeamDeviceId == deviceId && d.Kind == RoomDeviceKind.Thermostat, cancellationToken);
            if (device is null)
            {
                logger.LogInformation("Seam {EventType} for unknown thermostat {DeviceId} ignored", seamEvent.Type, deviceId);
                return;
            }

            var state = await s.Db.RoomClimates.SingleOrDefaultAsync(c => c.RoomDeviceId == device.Id, cancellationToken);
            if (state is null)
            {
                state = new RoomClimate(s.HotelId, device.Id);
                s.Db.RoomClimates.Add(state);
            }

            var summary = await ApplyAsync(s, seamEvent, state, cancellationToken);
            if (summary is not null)
            {
                s.Announce(ChangeTopic.Locks, device.Id, $"{device.DisplayName}: {summary}");
            }
        }, cancellationToken);
    }

    /// <returns>What changed, for people; null when the event told us nothing new.</returns>
    private static async Task<string?> ApplyAsync(HotelSession s, SeamEvent seamEvent, RoomClimate state, CancellationToken cancellationToken)
    {
        var at = seamEvent.OccurredAt;
        var celsius = Temperature(seamEvent);
        switch (seamEvent.Type)
        {
            case "thermostat.manually_adjusted":
                return await ManuallyAdjustedAsync(s, seamEvent, state, at, cancellationToken);
            case "thermostat.climate_preset_activated":
                var preset = seamEvent.Text("climate_preset_key");
                return preset is not null && state.ReportMode($"preset {preset}", at) ? $"climate preset {preset}" : null;
            case "thermostat.temperature_reached_set_point":
                var reached = state.ReportReachedSetPoint(at);
                var measured = celsius is { } r && state.ReportTemperature(r, at);
                return reached || measured ? "reached its set point" : null;
            default:
                return celsius is { } c && state.ReportTemperature(c, at) ? $"{c.ToString("0.#", CultureInfo.CurrentCulture)} °C" : null;
        }
    }

    /// <summary>
    /// The hub reports every change of the thermostat's setting, ours included (<c>method</c> <c>seam</c>);
    /// only one made at the device (<c>external</c>, or unsaid) is a person's choice.
    /// </summary>
    private static async Task<string?> ManuallyAdjustedAsync(HotelSession s, SeamEvent seamEvent, RoomClimate state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var mode = seamEvent.Text("hvac_mode_setting");
        var reported = mode is not null && state.ReportMode(mode, at);
        if (seamEvent.Text("method") == "seam" || !state.ReportManualAdjustment(at))
        {
            return reported ? $"now {mode}" : null;
        }

        var open = await s.Db.EcoPeriods.FirstOrDefaultAsync(p => p.RoomDeviceId == state.RoomDeviceId && p.EndedAt == null && p.StartedAt < at, cancellationToken);
        open?.End(at);
        var heating = seamEvent.Number("heating_set_point_celsius");
        var cooling = seamEvent.Number("cooling_set_point_celsius");
        return heating is null && cooling is null
            ? "set by hand"
            : $"set by hand ({heating?.ToString("0.#", CultureInfo.CurrentCulture) ?? "–"}–{cooling?.ToString("0.#", CultureInfo.CurrentCulture) ?? "–"} °C)";
    }

    private static double? Temperature(SeamEvent seamEvent) =>
        seamEvent.Number("temperature_celsius") ?? (seamEvent.Number("temperature_fahrenheit") is { } f ? Math.Round((f - 32) * 5 / 9, 1) : null);
}
