-- The three demo agents of the README. Scripts are POSIX sh (they also run under busybox sh in the Docker
-- runner's image) and avoid brace-style parameter expansion, which Flyway would take for its placeholders.

INSERT INTO agents (id, name, price_wei, timeout_ms, script) VALUES
('demo-worker', 'Demo worker', 1000000000000000000, 300000, $script$
echo "demo-worker: starting execution $EXECUTION_ID of agent $AGENT_ID"
input_bytes=$(( $(printf '%s' "$INPUT_DATA" | wc -c) ))
echo "demo-worker: received $input_bytes bytes of input"
blob=$(printf '%04096d' 0)
n=0
i=1
while [ $i -le 20 ]; do
  # memory: double a shell variable during the first 10 steps, 4 KiB up to 4 MiB
  if [ $i -le 10 ]; then blob="$blob$blob"; fi
  # cpu: a plain arithmetic loop
  k=0
  while [ $k -lt 8000 ]; do n=$(( (n * 31 + k) % 1000003 )); k=$((k + 1)); done
  echo "step $i/20: checksum $n"
  if [ $((i % 5)) -eq 0 ]; then echo "progress warning: $i of 20 steps done" >&2; fi
  sleep 0.1
  i=$((i + 1))
done
blob_bytes=$(( $(printf '%s' "$blob" | wc -c) ))
echo "demo-worker: done" >&2
printf '{"result":"ok","steps":20,"inputBytes":%d,"checksum":%d,"memoryBytes":%d}\n' "$input_bytes" "$n" "$blob_bytes"
$script$),

('demo-failing', 'Demo failing', 500000000000000000, 300000, $script$
echo "demo-failing: starting execution $EXECUTION_ID"
echo "demo-failing: loading configuration"
echo "error: required model file is missing" >&2
echo "demo-failing: giving up"
exit 3
$script$),

('demo-slow', 'Demo slow', 2000000000000000000, 5000, $script$
echo "demo-slow: starting, this takes 30 s but the agent's timeout is 5 s"
i=1
while [ $i -le 30 ]; do
  echo "demo-slow: tick $i/30"
  sleep 1
  i=$((i + 1))
done
echo '{"result":"too late"}'
$script$);
