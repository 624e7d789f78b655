/* Small helpers for console pages; everything else is PrimeFaces. */
var DeviceHub = {
    /** Shows a password field's value as text (after the server generated it for the user to copy). */
    reveal: function (id) {
        var input = document.getElementById(id);
        if (input) {
            input.type = 'text';
        }
    },

    /** Copies a field's value to the clipboard and says so on the button. */
    copy: function (id, button) {
        var input = document.getElementById(id);
        if (!input || !input.value) {
            return;
        }
        var done = function () {
            var label = button && button.querySelector('.ui-button-text');
            if (label) {
                var before = label.textContent;
                label.textContent = 'Copied';
                setTimeout(function () { label.textContent = before; }, 1500);
            }
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(input.value).then(done);
        } else {
            var type = input.type;
            input.type = 'text';
            input.select();
            document.execCommand('copy');
            input.type = type;
            done();
        }
    }
};
