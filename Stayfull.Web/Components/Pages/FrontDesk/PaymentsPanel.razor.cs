using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using Stayfull.Domain.Common;
using Stayfull.Domain.Payments;
using Stayfull.Web.Components.Common;

namespace Stayfull.Web.Components.Pages.FrontDesk;

/// <summary>
/// A reservation's card payments (holds, deposits, payment links) as the provider reported them, with the
/// desk's card actions: send the guest a link for the balance, and (managers) refund to the card.
/// The page reloads <see cref="Payments"/> when a payment or folio change arrives.
/// </summary>
public partial class PaymentsPanel
{
    private string? _link;
    private string _refundPaymentId = "";
    private decimal? _refundAmount;
    private string? _refundError;
    private bool _isManager;
    private bool _busy;

    [Parameter, EditorRequired]
    public Guid ReservationId { get; set; }

    [Parameter, EditorRequired]
    public ReservationPayments Payments { get; set; } = default!;

    /// <summary>The folio's open balance: what a payment link asks for.</summary>
    [Parameter, EditorRequired]
    public Money Balance { get; set; }

    [Parameter]
    public EventCallback OnChanged { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Inject]
    private PaymentService Service { get; set; } = default!;

    [Inject]
    private UiActions Ui { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private List<PaymentLine> Refundable => [.. Payments.Payments.Where(l => l.RefundableMinor > 0)];

    protected override async Task OnInitializedAsync() => _isManager = await DeskUser.IsManagerAsync(Authentication);

    protected override void OnParametersSet()
    {
        // Keep the chosen payment while it can still be refunded; otherwise offer the first that can.
        if (!Refundable.Any(l => l.Payment.Id.ToString() == _refundPaymentId))
        {
            _refundPaymentId = Refundable.FirstOrDefault()?.Payment.Id.ToString() ?? "";
        }
    }

    private static Dictionary<string, object?> TestId(string id) => new() { ["data-testid"] = id };

    internal static string KindLabel(PaymentKind kind) => kind switch
    {
        PaymentKind.Deposit => "Deposit",
        PaymentKind.PreAuthorisation => "Pre-authorisation",
        PaymentKind.Balance => "Payment link",
        _ => kind.ToString(),
    };

    internal static string StatusLabel(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "Waiting for the card",
        PaymentStatus.Authorised => "Authorised",
        PaymentStatus.Captured => "Captured",
        PaymentStatus.Released => "Released",
        PaymentStatus.Refunded => "Refunded",
        PaymentStatus.Failed => "Failed",
        PaymentStatus.Disputed => "Disputed",
        _ => status.ToString(),
    };

    private async Task SendLinkAsync()
    {
        _busy = true;
        try
        {
            // Where the guest lands after paying on the provider's page.
            var returnUrl = new Uri(Navigation.BaseUri);
            if (await Ui.RunAsync(async () => _link = (await Service.CreatePaymentLinkAsync(ReservationId, returnUrl, CancellationToken.None)).ToString(), "Payment link created: copy it to the guest."))
            {
                await OnChanged.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CopyLinkAsync()
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", _link);
            Snackbar.Add("Link copied.", Severity.Success);
        }
        catch (JSException)
        {
            // Browsers refuse the clipboard outside a secure context; the link stays on screen to select.
            Snackbar.Add("The browser refused to copy; select the link and copy it.", Severity.Warning);
        }
    }

    private async Task RefundAsync()
    {
        _refundError = null;
        var line = Refundable.FirstOrDefault(l => l.Payment.Id.ToString() == _refundPaymentId);
        if (line is null)
        {
            _refundError = "Choose the card payment to refund.";
            return;
        }

        var amount = _refundAmount is { } major ? Money.FromMajor(major, line.Payment.Currency) : Money.Zero(line.Payment.Currency);
        if (amount.Minor <= 0)
        {
            _refundError = "Enter an amount above zero, for example 12.50.";
            return;
        }

        if (amount.Minor > line.RefundableMinor)
        {
            _refundError = $"At most {new Money(line.RefundableMinor, line.Payment.Currency).Format(System.Globalization.CultureInfo.CurrentCulture)} can go back to this card.";
            return;
        }

        _busy = true;
        try
        {
            if (await Ui.RunAsync(() => Service.RefundToCardAsync(ReservationId, line.Payment.Id, amount.Minor, "Refund to card", CancellationToken.None), $"Refund of {amount} to the card requested"))
            {
                _refundAmount = null;
                await OnChanged.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
