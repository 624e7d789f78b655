/* Small helpers for console pages; everything else is PrimeFaces. */
var DeviceHub = {
    handlers: {},

    /** Lets a page react to pushed messages of one type ("status", "activity", "registry", "call",
     * "records", "bucket"). */
    on: function (type, handler) {
        (this.handlers[type] = this.handlers[type] || []).push(handler);
    },

    /** Receives every message Faces push sends this account (see ConsolePush). */
    receive: function (message) {
        if (typeof message === 'string') {
            message = JSON.parse(message);
        }
        (DeviceHub.handlers[message.type] || []).forEach(function (handler) {
            handler(message);
        });
    },

    /** Runs fn at most once per wait milliseconds, after the last of a burst of calls. */
    debounce: function (fn, wait) {
        var timer;
        return function () {
            clearTimeout(timer);
            timer = setTimeout(fn, wait);
        };
    },

    /** Keeps elements with data-since (epoch ms) showing how long ago that was, ticking every second. */
    tick: function () {
        var now = Date.now();
        document.querySelectorAll('[data-since]').forEach(function (element) {
            var seconds = Math.max(0, Math.floor((now - Number(element.getAttribute('data-since'))) / 1000));
            var d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600),
                m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
            var pad = function (n) { return n < 10 ? '0' + n : '' + n; };
            element.textContent = d > 0 ? d + 'd ' + h + 'h' : h > 0 ? h + 'h ' + pad(m) + 'm'
                : m > 0 ? m + 'm ' + pad(s) + 's' : s + 's';
        });
    },

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

setInterval(DeviceHub.tick, 1000);
